package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to take a role away from a member. Taking away a role the member does not hold stores nothing.
 */
public record UnassignRoleCommand(@TargetAggregateIdentifier String organizationId,
                                  String userId,
                                  String roleId) implements OrganizationScoped {
}
