package dev.warden.query.identity;

/** Who a valid session token speaks for: the session and its (active) user. */
public record SessionPrincipal(String sessionId, String userId) {
}
