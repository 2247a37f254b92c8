package dev.warden.query.identity;

/** Who a valid session token speaks for: the session, its (active) user, and whether that user is an operator. */
public record SessionPrincipal(String sessionId, String userId, boolean operator) {
}
