package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a new custom role in an organization, with an initial set of permissions.
 * Sent by a member with {@code roles:write}. The name must be unique in the organization (ignoring case)
 * and must not be a system role's name; every permission must be in the catalogue.
 */
public record CreateRoleCommand(@TargetAggregateIdentifier String roleId,
                                String organizationId,
                                String name,
                                String description,
                                Set<String> permissions) implements OrganizationScoped {
}
