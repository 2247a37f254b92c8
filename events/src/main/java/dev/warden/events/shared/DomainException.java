package dev.warden.events.shared;

/**
 * A refusal by the domain: a command broke a rule, named something unknown or conflicts with the
 * current state. It carries an {@link ErrorCode} so that the refusal keeps its meaning across the
 * command bus and reaches the client as a problem+json body. Nothing is stored when it is thrown.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
