package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to archive a project: it keeps its name and history but refuses changes and new workspaces
 * until restored. Archiving an archived project changes nothing.
 */
public record ArchiveProjectCommand(@TargetAggregateIdentifier String projectId,
                                    String organizationId) implements OrganizationScoped {
}
