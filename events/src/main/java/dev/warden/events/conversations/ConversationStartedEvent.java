package dev.warden.events.conversations;

import org.axonframework.serialization.Revision;

/** A user started a conversation; {@code projectId} and {@code workspaceId} are {@code null} when not given. */
@Revision("1")
public record ConversationStartedEvent(String conversationId,
                                       String organizationId,
                                       String startedBy,
                                       String title,
                                       String projectId,
                                       String workspaceId) {
}
