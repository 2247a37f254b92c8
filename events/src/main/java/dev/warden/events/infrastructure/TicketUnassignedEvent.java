package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** The ticket no longer has an assignee; {@code userId} is who had it. */
@Revision("1")
public record TicketUnassignedEvent(String ticketId, String organizationId, String userId) {
}
