package dev.warden.events.infrastructure;

import dev.warden.events.shared.ErrorCode;

/** Why a command about a ticket was refused. A missing ticket is {@code TICKET_NOT_FOUND} (its id kind). */
public enum TicketErrorCode implements ErrorCode {
    INVALID_TICKET_TITLE(Kind.INVALID),
    INVALID_TICKET_DESCRIPTION(Kind.INVALID),
    INVALID_TICKET_PRIORITY(Kind.INVALID),
    INVALID_TICKET_STATUS(Kind.INVALID),
    /** A project id that does not have the shape of one ({@code prj_...}). */
    INVALID_TICKET_PROJECT(Kind.INVALID),
    /** A workspace id that does not have the shape of one ({@code wks_...}). */
    INVALID_TICKET_WORKSPACE(Kind.INVALID),
    INVALID_TICKET_COMMENT(Kind.INVALID),
    /** The ticket cannot move from its status to the one asked for; the refusal lists the allowed ones. */
    TICKET_TRANSITION_NOT_ALLOWED(Kind.RULE_BROKEN),
    /** A closed ticket is not assigned or unassigned; reopen it first. */
    TICKET_CLOSED(Kind.CONFLICT);

    private final Kind kind;

    TicketErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
