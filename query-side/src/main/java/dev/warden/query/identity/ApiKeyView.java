package dev.warden.query.identity;

import java.time.Instant;
import java.util.List;

/**
 * An organization's API key as the API lists it: its visible prefix but never its secret or hash.
 * {@code status} is {@code active}, {@code expired} or {@code revoked}, as of the query.
 */
public record ApiKeyView(String id, String organizationId, String name, String prefix, List<String> scopes,
                         String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, String status) {
}
