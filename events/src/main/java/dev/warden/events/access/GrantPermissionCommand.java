package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to grant a catalogue permission to a custom role. Granting a permission the role already has
 * stores nothing.
 */
public record GrantPermissionCommand(@TargetAggregateIdentifier String roleId,
                                     String organizationId,
                                     String permission) implements OrganizationScoped {
}
