package dev.warden.command.credentials;

import dev.warden.events.credentials.SealedValue;

/**
 * Seals and opens the secret field values of credentials, each credential under its own data key,
 * every ciphertext bound to its credential, field and version; and shreds a credential's key. The
 * credentials handlers need only this, so their fixture tests run without a database.
 */
public interface CredentialCipher {

    /** {@code plaintext} sealed for field {@code field} of {@code credentialId} at {@code version}. */
    SealedValue seal(String credentialId, int version, String field, String plaintext);

    /**
     * The plaintext of {@code sealed}.
     *
     * @throws dev.warden.events.shared.DomainException {@code SECRET_ERASED} when the key was destroyed,
     *                                                  {@code CIPHERTEXT_REFUSED} when it does not decrypt
     */
    String open(String credentialId, int version, String field, SealedValue sealed);

    /** Destroys {@code credentialId}'s data key for good, in the caller's transaction. */
    void shred(String credentialId);

    /** The associated data of a field's ciphertext: the credential, the field and the version. */
    static String associatedData(String credentialId, int version, String field) {
        return SealedValue.associatedData(credentialId, version, field);
    }
}
