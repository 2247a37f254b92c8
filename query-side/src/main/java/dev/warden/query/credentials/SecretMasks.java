package dev.warden.query.credentials;

import dev.warden.events.credentials.SealedValue;
import dev.warden.keys.CiphertextRefusedException;
import dev.warden.keys.DataKeys;
import dev.warden.keys.KeyDestroyedException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The masks lists show of secret values ({@code AKIA****WXYZ}), made here from the ciphertext (the log
 * holds no mask): opened with the credential's data key, masked, and forgotten. A destroyed key or a
 * ciphertext that does not open gives no mask at all, so a replay after a shred shows nothing of it.
 */
@Component
class SecretMasks {

    private static final Logger log = LoggerFactory.getLogger(SecretMasks.class);
    /** Values shorter than this show no character at all. */
    private static final int SHOWN_FROM = 16;

    private final DataKeys keys;

    SecretMasks(DataKeys keys) {
        this.keys = keys;
    }

    /** The mask of field {@code field} of {@code credentialId} at {@code version}; null when it cannot be opened. */
    String of(String credentialId, int version, String field, SealedValue sealed) {
        try {
            byte[] ciphertext = Base64.getDecoder().decode(sealed.ciphertext());
            return mask(keys.decryptText(credentialId, ciphertext, SealedValue.associatedData(credentialId, version,
                    field)));
        } catch (KeyDestroyedException e) {
            return null;
        } catch (CiphertextRefusedException | IllegalArgumentException | NullPointerException e) {
            log.warn("The {} of {} (version {}) in an event does not open; shown without a mask", field,
                    credentialId, version);
            return null;
        }
    }

    /**
     * For 16 characters or more, the first four, {@code ****} and the last four (counted in code points,
     * so no character is cut in half); for a shorter value {@code ****} only.
     */
    static String mask(String value) {
        int length = value.codePointCount(0, value.length());
        if (length < SHOWN_FROM) {
            return "****";
        }
        return value.substring(0, value.offsetByCodePoints(0, 4)) + "****"
                + value.substring(value.offsetByCodePoints(0, length - 4));
    }
}
