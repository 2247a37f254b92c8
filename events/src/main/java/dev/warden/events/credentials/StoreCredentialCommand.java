package dev.warden.events.credentials;

import dev.warden.events.shared.OrganizationScoped;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to store a credential of {@code kind} with its field values in plaintext, checked against the
 * type (no unknown field, every required one, every pattern). A cloud credential names its
 * {@code provider}, which must be its type's; an app credential's provider is {@code null}. The
 * plaintext never goes further than the handler: it encrypts the secret fields before any event.
 * Its {@code toString} names no value.
 */
public record StoreCredentialCommand(@TargetAggregateIdentifier String credentialId,
                                     String organizationId,
                                     CredentialKind kind,
                                     String credentialTypeId,
                                     String provider,
                                     String name,
                                     String description,
                                     Map<String, String> values) implements OrganizationScoped {

    @Override
    public String toString() {
        return "StoreCredentialCommand[" + credentialId + ", " + kind + ", type " + credentialTypeId + ", fields "
                + (values == null ? "none" : values.keySet()) + "]";
    }
}
