package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/**
 * A Terraform run was recorded on a workspace: its operation, first status, trigger, who triggered
 * it, and the resource counts ({@code null} when not known yet).
 */
@Revision("1")
public record RunRecordedEvent(String workspaceId,
                               String organizationId,
                               String projectId,
                               String runId,
                               String operation,
                               String status,
                               String trigger,
                               String triggeredBy,
                               ResourceCounts resources) {
}
