package dev.warden.query.infrastructure;

import java.time.Instant;

/**
 * A ticket. {@code status} is {@code open}, {@code in_progress}, {@code blocked}, {@code resolved} or
 * {@code closed}; {@code priority} {@code low}, {@code medium}, {@code high} or {@code critical}.
 * {@code reporterId} is whoever opened it (a user or an API key); {@code resolvedAt} and
 * {@code closedAt} are set while it is resolved or closed.
 */
public record TicketView(String id, String organizationId, String projectId, String workspaceId, String title,
                         String description, String status, String priority, String reporterId, String assigneeId,
                         int commentCount, Instant resolvedAt, Instant closedAt, Instant createdAt,
                         Instant updatedAt) {
}
