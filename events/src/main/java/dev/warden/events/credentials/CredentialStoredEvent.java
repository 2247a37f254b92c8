package dev.warden.events.credentials;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A credential was stored at version 1: its kind, type, provider ({@code null} for an app credential),
 * name and description ({@code ""} when none), the values of its non-secret fields in plain, and its
 * secret fields only sealed (ciphertext and mask).
 */
@Revision("1")
public record CredentialStoredEvent(String credentialId,
                                    String organizationId,
                                    CredentialKind kind,
                                    String credentialTypeId,
                                    String provider,
                                    String name,
                                    String description,
                                    Map<String, String> values,
                                    Map<String, SealedValue> secrets) {
}
