package dev.warden.query.infrastructure;

/**
 * A workspace variable: a plain one with its {@code value}, or a sensitive one with only the
 * {@code credentialId} of the credential holding its value.
 */
public record VariableView(String name, String value, String credentialId, boolean sensitive) {
}
