package dev.warden.events.access;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the permission catalogue to know these permissions. Sent by the seeder at start;
 * only permissions the catalogue does not know yet become events, so sending it twice stores nothing.
 */
public record RegisterPermissionsCommand(@TargetAggregateIdentifier String catalogueId,
                                         List<PermissionDefinition> permissions) {
}
