package dev.warden.events.conversations;

import org.axonframework.serialization.Revision;

/** An archived conversation is active again. */
@Revision("1")
public record ConversationRestoredEvent(String conversationId,
                                        String organizationId) {
}
