package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to lock a workspace for {@code actorId} (the caller, a user or an API key), saying why. While
 * locked, nobody else applies or destroys, and the workspace cannot be archived. Locking a workspace
 * one holds already changes nothing; one held by someone else is refused.
 */
public record LockWorkspaceCommand(@TargetAggregateIdentifier String workspaceId,
                                   String organizationId,
                                   String actorId,
                                   String reason) implements OrganizationScoped {
}
