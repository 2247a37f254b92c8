package dev.warden.events.credentials;

/**
 * A secret field's value as the log holds it: only the ciphertext (Base64 of Tink's AES-256-GCM output
 * under the credential's data key), bound by {@link #associatedData} to its credential, field and
 * version. Nothing derived from the plaintext (not even a mask) enters the log, so destroying the key
 * leaves nothing of the secret behind.
 */
public record SealedValue(String ciphertext) {

    /** The associated data of a field's ciphertext: the credential, the field and the version. */
    public static String associatedData(String credentialId, int version, String field) {
        return "credential:" + credentialId + "/field:" + field + "/version:" + version;
    }
}
