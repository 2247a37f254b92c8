package dev.warden.query.credentials;

import dev.warden.events.credentials.CredentialField;
import java.time.Instant;
import java.util.List;

/** A credential type as the API shows it; {@code system} types have no organization and every one sees them. */
public record CredentialTypeView(String id, String organizationId, boolean system, String name, String provider,
                                 String description, List<CredentialField> fields, String createdBy,
                                 Instant createdAt) {
}
