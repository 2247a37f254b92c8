package dev.warden.command.identity;

import dev.warden.events.identity.PersonalFields;
import dev.warden.keys.DataKeys;
import dev.warden.keys.KeyDestroyedException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@link PersonalData} on the data keys: values under their subject's data key, emails and external
 * accounts indexed by keyed hashes under the hash keys {@value #EMAIL_INDEX} and {@value #ACCOUNT_INDEX},
 * which live in {@code data_keys} like every key.
 */
@Component
class EncryptedPersonalData implements PersonalData {

    /** The subject of the hash key of emails. */
    static final String EMAIL_INDEX = "index:email";
    /** The subject of the hash key of external accounts. */
    static final String ACCOUNT_INDEX = "index:external-account";

    private final DataKeys keys;

    EncryptedPersonalData(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public String emailHash(String email) {
        return keys.keyedHash(EMAIL_INDEX, UserRules.emailKey(email).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String accountHash(String provider, String providerAccountId) {
        return keys.keyedHash(ACCOUNT_INDEX, (provider + ":" + providerAccountId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] encrypt(String subjectId, String field, String value) {
        return keys.encrypt(subjectId, value, PersonalFields.associatedData(subjectId, field));
    }

    @Override
    public byte[] encryptNew(String subjectId, String field, String value) {
        return keys.encryptNew(subjectId, value, PersonalFields.associatedData(subjectId, field));
    }

    @Override
    public Optional<String> decrypt(String subjectId, String field, byte[] value) {
        try {
            return Optional.of(keys.decryptText(subjectId, value, PersonalFields.associatedData(subjectId, field)));
        } catch (KeyDestroyedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void erase(String subjectId) {
        keys.destroy(subjectId);
    }
}
