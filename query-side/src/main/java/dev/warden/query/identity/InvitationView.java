package dev.warden.query.identity;

import java.time.Instant;

/**
 * An invitation into an organization, addressed to a user id or an email. Its status is pending,
 * accepted, declined, revoked, or expired (pending past {@code expiresAt}, judged by the database clock).
 */
public record InvitationView(String id, String organizationId, String organizationName, String userId,
                             String email, String status, String invitedBy, Instant createdAt, Instant expiresAt) {
}
