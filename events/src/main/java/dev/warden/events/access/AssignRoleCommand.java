package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to give a member of an organization a role: a system role or one of the organization's own.
 * Assigning a role the member already holds stores nothing.
 */
public record AssignRoleCommand(@TargetAggregateIdentifier String organizationId,
                                String userId,
                                String roleId) implements OrganizationScoped {
}
