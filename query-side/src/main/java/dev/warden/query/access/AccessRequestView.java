package dev.warden.query.access;

import java.time.Instant;

/**
 * A request for a role and how it ended. {@code status} is {@code pending}, {@code approved},
 * {@code denied}, {@code cancelled} or {@code expired}; the decision fields are {@code null} while pending.
 */
public record AccessRequestView(String id, String organizationId, String requesterId, String roleId,
                                String justification, String status, Instant expiresAt, String decidedBy,
                                String decisionReason, Instant decidedAt, Instant createdAt) {
}
