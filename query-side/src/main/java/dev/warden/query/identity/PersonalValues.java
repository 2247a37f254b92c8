package dev.warden.query.identity;

import dev.warden.events.identity.PersonalFields;
import dev.warden.keys.CiphertextRefusedException;
import dev.warden.keys.DataKeys;
import dev.warden.keys.KeyDestroyedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The personal data an identity event carries, as a read model keeps it: the plaintext of an event
 * written before encryption, else the value decrypted under its subject's data key, or null once that
 * key was destroyed (the subject was erased). A projection never fails on an erased value, so replaying
 * the log after an erasure gives the same read models as living through it.
 */
@Component
class PersonalValues {

    private static final Logger log = LoggerFactory.getLogger(PersonalValues.class);

    private final DataKeys keys;

    PersonalValues(DataKeys keys) {
        this.keys = keys;
    }

    /** Forgets whatever this process keeps of {@code subjectId}'s key: it was destroyed (maybe by another process). */
    void forget(String subjectId) {
        keys.forget(subjectId);
    }

    /** {@code field} of {@code subjectId}: {@code legacy} when the event held plaintext, else decrypted (null when erased). */
    String read(String subjectId, String field, String legacy, byte[] encrypted) {
        if (encrypted == null) {
            return legacy;
        }
        try {
            return keys.decryptText(subjectId, encrypted, PersonalFields.associatedData(subjectId, field));
        } catch (KeyDestroyedException e) {
            return null;
        } catch (CiphertextRefusedException e) {
            log.warn("The {} of {} in an event does not decrypt; kept as unknown", field, subjectId);
            return null;
        }
    }
}
