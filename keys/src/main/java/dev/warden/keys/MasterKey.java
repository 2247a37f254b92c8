package dev.warden.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key that wraps the data keys: 32 bytes used as an AES-256-GCM key, written as base64. Its id is
 * the hex of the first 8 bytes of its SHA-256, recorded with each data key it wraps; the key itself is
 * never printed ({@link #toString()} names the id only).
 */
public final class MasterKey {

    private static final int LENGTH = 32;

    private final Aead aead;
    private final String id;

    private MasterKey(byte[] key) {
        try {
            this.aead = new AesGcmJce(key);
            this.id = HexFormat.of().formatHex(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** The key {@code base64} writes; {@code source} names where it came from in the error for a bad one. */
    public static MasterKey fromBase64(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new MasterKeyException(source + " is not base64 (give 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        if (key.length != LENGTH) {
            throw new MasterKeyException(source + " must be 32 bytes in base64, got " + key.length + " bytes");
        }
        return new MasterKey(key);
    }

    /** A new random key, as its base64 text. */
    public static String generateBase64() {
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The short fingerprint recorded with the data keys this key wraps. */
    public String id() {
        return id;
    }

    Aead aead() {
        return aead;
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
