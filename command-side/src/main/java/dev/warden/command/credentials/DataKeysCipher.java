package dev.warden.command.credentials;

import dev.warden.events.credentials.CredentialsErrorCode;
import dev.warden.events.credentials.SealedValue;
import dev.warden.events.shared.DomainException;
import dev.warden.keys.CiphertextRefusedException;
import dev.warden.keys.DataKeys;
import dev.warden.keys.KeyDestroyedException;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The credential cipher on {@link DataKeys}: the credential's id is the data key's subject. A
 * destroyed key answers {@code SECRET_ERASED} (410); a ciphertext that does not decrypt (a changed
 * byte, another credential's or another field's or version's) answers {@code CIPHERTEXT_REFUSED},
 * never garbage.
 */
@Component
class DataKeysCipher implements CredentialCipher {

    private final DataKeys keys;

    DataKeysCipher(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public SealedValue seal(String credentialId, int version, String field, String plaintext) {
        String associatedData = CredentialCipher.associatedData(credentialId, version, field);
        // Version 1 is the store: the credential and its key are new, and the key is written with the events.
        byte[] ciphertext = version == 1 ? keys.encryptNew(credentialId, plaintext, associatedData)
                : keys.encrypt(credentialId, plaintext, associatedData);
        return new SealedValue(Base64.getEncoder().encodeToString(ciphertext));
    }

    @Override
    public String open(String credentialId, int version, String field, SealedValue sealed) {
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw refused(field);
        }
        try {
            return keys.decryptText(credentialId, ciphertext, CredentialCipher.associatedData(credentialId, version,
                    field));
        } catch (KeyDestroyedException e) {
            throw erased();
        } catch (CiphertextRefusedException e) {
            throw refused(field);
        }
    }

    @Override
    public void shred(String credentialId) {
        keys.destroy(credentialId);
    }

    static DomainException erased() {
        return new DomainException(CredentialsErrorCode.SECRET_ERASED,
                "The credential's secret was erased (its data key destroyed); it can never be revealed again");
    }

    private static DomainException refused(String field) {
        return new DomainException(CredentialsErrorCode.CIPHERTEXT_REFUSED, "The stored ciphertext of field '"
                + field + "' does not decrypt for this credential (changed or moved); nothing is answered");
    }
}
