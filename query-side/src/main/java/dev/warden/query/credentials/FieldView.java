package dev.warden.query.credentials;

/**
 * A credential's field as lists and reads show it: a non-secret value in plain, a secret one only
 * as its mask ({@code AKIA****WXYZ}, or {@code ****} for a short value; {@code null} once erased).
 */
public record FieldView(boolean secret, String value) {
}
