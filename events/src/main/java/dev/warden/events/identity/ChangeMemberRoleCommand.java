package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to give a member exactly one role, replacing the ones they hold. The last Admin keeps Admin.
 */
public record ChangeMemberRoleCommand(@TargetAggregateIdentifier String organizationId,
                                      String userId,
                                      String roleId) implements OrganizationScoped {
}
