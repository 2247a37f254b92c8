package dev.warden.events.credentials;

/**
 * One field of a credential type: its {@code name} (lower-case letters, digits and {@code _}),
 * whether its value is {@code secret} (encrypted, shown masked, answered only by a reveal), whether a
 * credential must have it ({@code required}), and an optional regular expression its value must match
 * in full ({@code pattern}, {@code null} for none).
 */
public record CredentialField(String name, boolean secret, boolean required, String pattern) {
}
