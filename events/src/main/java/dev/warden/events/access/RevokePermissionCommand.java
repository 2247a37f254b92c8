package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to revoke a permission from a custom role. Revoking a permission the role does not have
 * stores nothing.
 */
public record RevokePermissionCommand(@TargetAggregateIdentifier String roleId,
                                      String organizationId,
                                      String permission) implements OrganizationScoped {
}
