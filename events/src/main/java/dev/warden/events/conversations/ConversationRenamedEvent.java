package dev.warden.events.conversations;

import org.axonframework.serialization.Revision;

/** A conversation got a new title. */
@Revision("1")
public record ConversationRenamedEvent(String conversationId,
                                       String organizationId,
                                       String title,
                                       String previousTitle) {
}
