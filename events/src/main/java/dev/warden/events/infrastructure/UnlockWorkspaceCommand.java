package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to unlock a workspace, optionally saying why. Only the lock's holder does, or a caller holding
 * {@code workspaces:unlock} (breaking someone else's lock). Unlocking an unlocked workspace changes
 * nothing.
 */
public record UnlockWorkspaceCommand(@TargetAggregateIdentifier String workspaceId,
                                     String organizationId,
                                     String actorId,
                                     String reason) implements OrganizationScoped {
}
