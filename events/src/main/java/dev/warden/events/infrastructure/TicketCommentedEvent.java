package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/**
 * A comment was added to a ticket. {@code number} counts the ticket's comments from 1, in the order
 * they were made, and names the comment within its ticket; the author is the event's actor.
 */
@Revision("1")
public record TicketCommentedEvent(String ticketId, String organizationId, int number, String body) {
}
