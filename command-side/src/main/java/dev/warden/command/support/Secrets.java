package dev.warden.command.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque bearer secrets (session tokens, API keys): a type prefix and 256 random bits, stored only as
 * their SHA-256. A slow hash is not needed for secrets this long; it is for passwords.
 */
public final class Secrets {

    /** Prefix of session tokens. */
    public static final String SESSION_PREFIX = "wds_";
    /** Prefix of API key secrets. */
    public static final String API_KEY_PREFIX = "wdn_";

    /** The cookie a sign-in sets with the session token. */
    public static final String SESSION_COOKIE = "warden_session";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new secret: {@code prefix} and 43 URL-safe characters (32 random bytes). */
    public static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lowercase hex SHA-256 of {@code value}'s UTF-8 bytes. */
    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
