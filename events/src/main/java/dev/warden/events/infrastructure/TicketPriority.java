package dev.warden.events.infrastructure;

import java.util.List;
import java.util.Optional;

/** How urgent a ticket is, as events, read models and clients spell it ({@link #wire()}). */
public enum TicketPriority {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** Every priority as spelled on the wire, lowest first. */
    public static final List<String> WIRE_NAMES = WireNames.all(TicketPriority.class);

    /** The priority as events and clients spell it, e.g. {@code high}. */
    public String wire() {
        return WireNames.of(this);
    }

    /** The priority spelled {@code wire}, if it is one (exact spelling, lower case). */
    public static Optional<TicketPriority> of(String wire) {
        return WireNames.parse(TicketPriority.class, wire);
    }
}
