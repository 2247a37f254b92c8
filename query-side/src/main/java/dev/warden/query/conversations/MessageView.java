package dev.warden.query.conversations;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * A message, numbered by {@code sequence} from 1 in its conversation. {@code authorId} is the user of
 * a {@code user} message; {@code postedBy} the actor that posted any message (a user or an API key).
 * Token counts are {@code null} when not reported; {@code toolCalls} is the tool call the message
 * proposes, as {@code [{id, name, arguments}]}, or {@code null}.
 */
public record MessageView(String id, String conversationId, int sequence, String role, String authorId,
                          String postedBy, String content, String model, Long inputTokens, Long outputTokens,
                          Long cachedTokens, @JsonRawValue String toolCalls, Instant createdAt) {
}
