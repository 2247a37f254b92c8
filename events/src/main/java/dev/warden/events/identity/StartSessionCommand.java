package dev.warden.events.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a sign-in session. Only the SHA-256 of the opaque token is known here.
 */
public record StartSessionCommand(@TargetAggregateIdentifier String sessionId,
                                  String userId,
                                  String tokenHash,
                                  Instant expiresAt,
                                  String clientAddress,
                                  String userAgent,
                                  boolean secondFactor) {
}
