package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to remove a workspace variable; removing one that is not there changes nothing. */
public record RemoveWorkspaceVariableCommand(@TargetAggregateIdentifier String workspaceId,
                                             String organizationId,
                                             String name) implements OrganizationScoped {
}
