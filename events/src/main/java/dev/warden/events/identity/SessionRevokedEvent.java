package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A session was revoked (signed out).
 */
@Revision("1")
public record SessionRevokedEvent(String sessionId,
                                  String userId) {
}
