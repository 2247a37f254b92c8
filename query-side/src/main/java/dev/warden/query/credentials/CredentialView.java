package dev.warden.query.credentials;

import java.time.Instant;
import java.util.Map;

/**
 * A cloud provider or app credential as the API shows it: metadata and masks, never a secret.
 * {@code status} is {@code active}, {@code revoked} or {@code destroyed}; once destroyed the fields are
 * gone and {@code secretErased} is true. {@code provider} is {@code null} for an app credential.
 */
public record CredentialView(String id, String organizationId, String credentialTypeId, String provider,
                             String name, String description, Map<String, FieldView> fields, int version,
                             String status, boolean secretErased, String createdBy, Instant createdAt,
                             String rotatedBy, Instant rotatedAt, String revokedBy, Instant revokedAt,
                             String destroyedBy, Instant destroyedAt, String lastRevealedBy, Instant lastRevealedAt,
                             Integer lastRevealedVersion, Instant updatedAt) {
}
