package dev.warden.events.credentials;

import org.axonframework.serialization.Revision;

/**
 * A credential's data key was destroyed in the transaction that appended this event: every ciphertext
 * of it in the log is unreadable for good; the metadata of the credential stays.
 */
@Revision("1")
public record CredentialDestroyedEvent(String credentialId, String organizationId) {
}
