package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.ResourceCounts;
import java.time.Instant;

/**
 * A Terraform run: operation, status, what and who triggered it, the resource counts ({@code null}
 * until reported), when it started running and when it finished.
 */
public record RunView(String id, String organizationId, String projectId, String workspaceId, String operation,
                      String status, String trigger, String triggeredBy, ResourceCounts resources,
                      Instant startedAt, Instant finishedAt, Instant createdAt, Instant updatedAt) {
}
