package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A workspace was locked by {@code lockedBy} (a user or key id), for {@code reason}. */
@Revision("1")
public record WorkspaceLockedEvent(String workspaceId,
                                   String organizationId,
                                   String lockedBy,
                                   String reason) {
}
