package dev.warden.command.infrastructure;

import static dev.warden.events.infrastructure.TicketStatus.BLOCKED;
import static dev.warden.events.infrastructure.TicketStatus.CLOSED;
import static dev.warden.events.infrastructure.TicketStatus.IN_PROGRESS;
import static dev.warden.events.infrastructure.TicketStatus.OPEN;
import static dev.warden.events.infrastructure.TicketStatus.RESOLVED;

import dev.warden.events.infrastructure.TicketErrorCode;
import dev.warden.events.infrastructure.TicketStatus;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The moves a ticket can make: {@code open -> in_progress -> resolved -> closed}; {@code resolved}
 * and {@code closed} reopen to {@code open}; {@code open <-> blocked} sets a ticket aside while it
 * waits on something outside it, before work starts. A refused move names the moves allowed from
 * where the ticket is ({@code allowedTransitions}, in lifecycle order).
 */
final class TicketWorkflow {

    private static final Map<TicketStatus, List<TicketStatus>> MOVES = new EnumMap<>(Map.of(
            OPEN, List.of(IN_PROGRESS, BLOCKED),
            BLOCKED, List.of(OPEN),
            IN_PROGRESS, List.of(RESOLVED),
            RESOLVED, List.of(OPEN, CLOSED),
            CLOSED, List.of(OPEN)));

    private TicketWorkflow() {
    }

    /** The statuses a ticket in {@code from} may move to. */
    static List<TicketStatus> allowedFrom(TicketStatus from) {
        return MOVES.get(from);
    }

    /** {@code wire} as a status, or the refusal {@code INVALID_TICKET_STATUS}. */
    static TicketStatus status(String wire) {
        return TicketStatus.of(wire).orElseThrow(() -> new DomainException(TicketErrorCode.INVALID_TICKET_STATUS,
                "'" + Text.excerpt(wire) + "' is not a ticket status; one of "
                        + String.join(", ", TicketStatus.WIRE_NAMES)));
    }

    /** Refuses the move from {@code from} to {@code to} unless the workflow allows it. */
    static void requireAllowed(TicketStatus from, TicketStatus to) {
        List<TicketStatus> allowed = allowedFrom(from);
        if (!allowed.contains(to)) {
            List<String> names = allowed.stream().map(TicketStatus::wire).toList();
            throw new DomainException(TicketErrorCode.TICKET_TRANSITION_NOT_ALLOWED,
                    "The ticket is " + from.wire() + ": it can move to " + String.join(" or ", names)
                            + ", not to " + to.wire(),
                    Map.of("currentStatus", from.wire(), "allowedTransitions", names));
        }
    }
}
