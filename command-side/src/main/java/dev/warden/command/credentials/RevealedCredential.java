package dev.warden.command.credentials;

import java.util.Map;

/**
 * What a reveal answers, once: the credential's version and every field's plaintext value. Its
 * {@code toString} names the fields only, so a log line never holds a value.
 */
public record RevealedCredential(String credentialId, int version, Map<String, String> values) {

    @Override
    public String toString() {
        return "RevealedCredential[" + credentialId + ", version " + version + ", fields " + values.keySet() + "]";
    }
}
