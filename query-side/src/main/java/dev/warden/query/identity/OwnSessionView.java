package dev.warden.query.identity;

import java.time.Instant;

/** One of the caller's own sessions; {@code current} marks the one the request came with. */
public record OwnSessionView(String id, Instant createdAt, Instant expiresAt, Instant revokedAt, String clientAddress,
                             String userAgent, boolean secondFactor, boolean current) {

    /** The session, marked current when its id is {@code currentSessionId}. */
    public static OwnSessionView of(SessionView session, String currentSessionId) {
        return new OwnSessionView(session.id(), session.createdAt(), session.expiresAt(), session.revokedAt(),
                session.clientAddress(), session.userAgent(), session.secondFactor(),
                session.id().equals(currentSessionId));
    }
}
