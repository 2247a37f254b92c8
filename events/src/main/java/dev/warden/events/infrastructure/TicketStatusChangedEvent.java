package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A ticket moved from {@code previousStatus} to {@code status} (both {@link TicketStatus} wire names). */
@Revision("1")
public record TicketStatusChangedEvent(String ticketId, String organizationId, String previousStatus,
                                       String status) {
}
