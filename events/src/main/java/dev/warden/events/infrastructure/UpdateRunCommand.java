package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A runner reports a run's new status, and the resource counts if known ({@code null} keeps them).
 * Status moves forward only: queued to running or cancelled, running to succeeded, failed or
 * cancelled. Reporting the current status again changes nothing.
 */
public record UpdateRunCommand(@TargetAggregateIdentifier String workspaceId,
                               String organizationId,
                               String runId,
                               String status,
                               ResourceCounts resources) implements OrganizationScoped {
}
