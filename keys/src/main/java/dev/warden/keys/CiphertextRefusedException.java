package dev.warden.keys;

/** A ciphertext that does not decrypt: changed, cut, or presented with another owner's associated data. */
public class CiphertextRefusedException extends RuntimeException {

    public CiphertextRefusedException(String subjectId) {
        super("the ciphertext does not decrypt with the data key of " + subjectId);
    }
}
