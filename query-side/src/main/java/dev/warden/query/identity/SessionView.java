package dev.warden.query.identity;

import java.time.Instant;

/** A sign-in session as an administrator sees it; the token and its hash are never shown. */
public record SessionView(String id, Instant createdAt, Instant expiresAt, Instant revokedAt, String clientAddress,
                          String userAgent, boolean secondFactor) {
}
