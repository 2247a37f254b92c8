package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A runner (a key or user holding {@code workspaces:run}) records a Terraform run on a workspace that
 * is not archived: its {@code operation} ({@code init}, {@code plan}, {@code apply}, {@code destroy}),
 * its status ({@code queued} when {@code null}), what triggered it ({@code manual}, {@code vcs},
 * {@code schedule}, {@code api}) and who ({@code triggeredBy}, the caller), and the resource counts
 * if known. An apply or destroy on a workspace someone else has locked is refused; an apply needs a
 * plan that succeeded since the last apply, unless the workspace applies automatically.
 */
public record RecordRunCommand(@TargetAggregateIdentifier String workspaceId,
                               String organizationId,
                               String runId,
                               String operation,
                               String status,
                               String trigger,
                               String triggeredBy,
                               ResourceCounts resources) implements OrganizationScoped {
}
