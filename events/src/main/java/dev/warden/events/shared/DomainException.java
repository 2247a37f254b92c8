package dev.warden.events.shared;

import java.util.Map;

/**
 * A refusal by the domain: a command broke a rule, named something unknown or conflicts with the
 * current state. It carries an {@link ErrorCode} so that the refusal keeps its meaning across the
 * command bus and reaches the client as a problem+json body. Nothing is stored when it is thrown.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> properties;

    public DomainException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /**
     * A refusal with members a client can act on, added to the problem body beside {@code code}
     * (for example the transitions allowed from a status). The values must be JSON-writable and
     * hold nothing secret.
     */
    public DomainException(ErrorCode code, String message, Map<String, Object> properties) {
        super(message, null, false, false);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public ErrorCode code() {
        return code;
    }

    /** The extra members of the problem body; empty for most refusals. */
    public Map<String, Object> properties() {
        return properties;
    }
}
