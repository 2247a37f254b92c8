package dev.warden.events.credentials;

import org.axonframework.serialization.Revision;

/**
 * A credential's plaintext at {@code version} was answered to a caller. Who, when and from which
 * address are the event's metadata, which the audit trail shows.
 */
@Revision("1")
public record CredentialRevealedEvent(String credentialId, String organizationId, int version) {
}
