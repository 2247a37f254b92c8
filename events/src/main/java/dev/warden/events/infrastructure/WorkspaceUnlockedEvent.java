package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/**
 * A workspace was unlocked by {@code unlockedBy}; {@code lockedBy} held the lock (someone else when
 * the lock was broken by a holder of {@code workspaces:unlock}). {@code reason} is {@code null} when
 * none was given.
 */
@Revision("1")
public record WorkspaceUnlockedEvent(String workspaceId,
                                     String organizationId,
                                     String unlockedBy,
                                     String lockedBy,
                                     String reason) {
}
