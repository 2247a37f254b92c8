package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A ticket was given to the member {@code userId} (replacing any earlier assignee). */
@Revision("1")
public record TicketAssignedEvent(String ticketId, String organizationId, String userId) {
}
