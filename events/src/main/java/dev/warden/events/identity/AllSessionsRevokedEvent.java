package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * Every session of a user opened before this event was revoked.
 */
@Revision("1")
public record AllSessionsRevokedEvent(String userId) {
}
