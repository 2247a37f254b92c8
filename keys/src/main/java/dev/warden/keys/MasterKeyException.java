package dev.warden.keys;

/** The master key is missing, unreadable or not the one the data keys are wrapped under; one line, no secret. */
public class MasterKeyException extends RuntimeException {

    public MasterKeyException(String message) {
        super(message);
    }
}
