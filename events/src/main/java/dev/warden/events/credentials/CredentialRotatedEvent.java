package dev.warden.events.credentials;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** A credential was rotated to {@code version}: its new non-secret values in plain, its secrets sealed. */
@Revision("1")
public record CredentialRotatedEvent(String credentialId,
                                     String organizationId,
                                     int version,
                                     Map<String, String> values,
                                     Map<String, SealedValue> secrets) {
}
