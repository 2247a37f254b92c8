package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Asks to delete a custom role. System roles cannot be deleted, nor a role still assigned to a member.
 */
public record DeleteRoleCommand(@TargetAggregateIdentifier String roleId,
                                String organizationId,
                                @TargetAggregateVersion Long expectedVersion) implements OrganizationScoped {
}
