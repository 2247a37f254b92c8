package dev.warden.events.credentials;

import org.axonframework.serialization.Revision;

/** A credential was revoked at {@code version}: no longer to be used, rotated or revealed. */
@Revision("1")
public record CredentialRevokedEvent(String credentialId, String organizationId, int version) {
}
