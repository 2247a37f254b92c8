package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a new Terraform workspace in a project. Sent by a member (or key) with
 * {@code workspaces:write}. The project must be an active one of the organization; the name must be
 * unique in the project, ignoring case.
 */
public record CreateWorkspaceCommand(@TargetAggregateIdentifier String workspaceId,
                                     String organizationId,
                                     String projectId,
                                     String name,
                                     WorkspaceSettings settings) implements OrganizationScoped {
}
