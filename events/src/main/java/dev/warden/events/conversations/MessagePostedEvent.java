package dev.warden.events.conversations;

import org.axonframework.serialization.Revision;

/**
 * A message was posted. {@code sequence} numbers a conversation's messages from 1 in the order they
 * were posted. {@code authorId} is the user of a {@code user} message, else {@code null}; token
 * counts are {@code null} when not reported.
 */
@Revision("1")
public record MessagePostedEvent(String conversationId,
                                 String organizationId,
                                 String messageId,
                                 int sequence,
                                 String role,
                                 String authorId,
                                 String content,
                                 String model,
                                 Long inputTokens,
                                 Long outputTokens,
                                 Long cachedTokens) {
}
