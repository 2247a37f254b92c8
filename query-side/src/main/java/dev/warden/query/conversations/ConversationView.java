package dev.warden.query.conversations;

import java.time.Instant;

/**
 * A conversation: who started it, what it is about, its {@code status} ({@code active} or
 * {@code archived}), how many messages it has, the model of its latest message that named one, and
 * the tokens its messages reported in all.
 */
public record ConversationView(String id, String organizationId, String startedBy, String projectId,
                               String workspaceId, String title, String status, String model, int messageCount,
                               long inputTokens, long outputTokens, long cachedTokens, Instant lastMessageAt,
                               Instant archivedAt, Instant createdAt, Instant updatedAt) {
}
