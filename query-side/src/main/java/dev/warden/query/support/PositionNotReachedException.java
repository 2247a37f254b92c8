package dev.warden.query.support;

import java.time.Duration;

/** The read models did not reach the asked-for log position within the bounded wait. */
public class PositionNotReachedException extends RuntimeException {

    private final long position;

    public PositionNotReachedException(long position, Duration waited) {
        super("The read models have not reached log position " + position + " within " + waited.toMillis()
                + " ms; retry shortly");
        this.position = position;
    }

    protected PositionNotReachedException(long position, String message) {
        super(message);
        this.position = position;
    }

    public long position() {
        return position;
    }
}
