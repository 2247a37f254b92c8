package dev.warden.query.support;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;

/**
 * Where and when the event being handled was logged: its position in the log (what
 * {@code last_event_position} guards compare) and its time. A projection handler declares a
 * parameter of this type and Axon passes it ({@link LoggedParameterResolverFactory}).
 *
 * @param position the event's global position in the log
 * @param at       when the event was appended
 */
public record Logged(long position, Instant at) {

    /** Where and when a tracked event was logged, as its tracking token and timestamp say. */
    public static Logged of(TrackedEventMessage<?> event) {
        return new Logged(Positions.of(WrappedToken.unwrapLowerBound(event.trackingToken())), event.getTimestamp());
    }

    /** The time as a JDBC parameter. */
    public Timestamp time() {
        return Timestamp.from(at);
    }
}
