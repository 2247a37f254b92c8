package dev.warden.events.credentials;

/**
 * A secret field's value as the log holds it: the ciphertext (Base64 of Tink's AES-256-GCM output
 * under the credential's data key, bound to the credential, field and version) and its mask (the
 * first and last four characters of a value of 16 or more, else {@code ****}).
 */
public record SealedValue(String ciphertext, String mask) {
}
