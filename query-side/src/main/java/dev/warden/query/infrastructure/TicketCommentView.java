package dev.warden.query.infrastructure;

import java.time.Instant;

/** A comment on a ticket: its number in the ticket (from 1, in order), text, author and time. */
public record TicketCommentView(String ticketId, int number, String body, String authorId, Instant createdAt) {
}
