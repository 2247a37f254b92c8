package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user's display name changed.
 */
@Revision("1")
public record UserRenamedEvent(String userId,
                               String displayName) {
}
