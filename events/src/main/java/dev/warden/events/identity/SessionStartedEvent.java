package dev.warden.events.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user signed in. Only the SHA-256 of the opaque token is stored.
 */
@Revision("1")
public record SessionStartedEvent(String sessionId,
                                  String userId,
                                  String tokenHash,
                                  Instant expiresAt,
                                  String clientAddress,
                                  String userAgent,
                                  boolean secondFactor) {
}
