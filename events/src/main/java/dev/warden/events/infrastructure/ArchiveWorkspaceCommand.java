package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to archive a workspace: it keeps its history, changes no more, and its name is free again in
 * its project. Refused while the workspace is locked.
 */
public record ArchiveWorkspaceCommand(@TargetAggregateIdentifier String workspaceId,
                                      String organizationId) implements OrganizationScoped {
}
