package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Asks to rename a custom role. {@code expectedVersion}, when given, must be the role's current
 * version, otherwise the command is refused as stale.
 */
public record RenameRoleCommand(@TargetAggregateIdentifier String roleId,
                                String organizationId,
                                String name,
                                @TargetAggregateVersion Long expectedVersion) implements OrganizationScoped {
}
