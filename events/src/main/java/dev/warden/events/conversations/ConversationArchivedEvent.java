package dev.warden.events.conversations;

import org.axonframework.serialization.Revision;

/** A conversation was archived. */
@Revision("1")
public record ConversationArchivedEvent(String conversationId,
                                        String organizationId) {
}
