package dev.warden.events.access;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks that a system role exists with exactly this definition. Sent only by the seeder: it creates
 * the role when missing and otherwise grants or revokes what differs, so sending the same definition
 * twice stores nothing.
 */
public record DefineSystemRoleCommand(@TargetAggregateIdentifier String roleId,
                                      String name,
                                      String description,
                                      Set<String> permissions) {
}
