package dev.warden.events.infrastructure;

import java.util.List;
import java.util.Optional;

/**
 * Where a ticket is in its life, as events, read models and clients spell it ({@link #wire()}):
 * {@code open -> in_progress -> resolved -> closed}; a resolved or closed ticket can be reopened,
 * and an open ticket can be set aside as {@code blocked} (waiting on something outside it) and
 * back to open. The transitions themselves are the command side's rule.
 */
public enum TicketStatus {
    OPEN, IN_PROGRESS, BLOCKED, RESOLVED, CLOSED;

    /** Every status as spelled on the wire, in lifecycle order. */
    public static final List<String> WIRE_NAMES = WireNames.all(TicketStatus.class);

    /** The status as events and clients spell it, e.g. {@code in_progress}. */
    public String wire() {
        return WireNames.of(this);
    }

    /** The status spelled {@code wire}, if it is one (exact spelling, lower case). */
    public static Optional<TicketStatus> of(String wire) {
        return WireNames.parse(TicketStatus.class, wire);
    }
}
