package dev.warden.events.shared;

import java.time.Duration;

/** A refusal because of too many attempts; the caller may try again after {@link #retryAfter()}. */
public class ThrottledException extends DomainException {

    private final Duration retryAfter;

    public ThrottledException(ErrorCode code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
