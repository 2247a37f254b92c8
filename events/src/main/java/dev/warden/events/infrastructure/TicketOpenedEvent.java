package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/**
 * A ticket was opened, with status {@code open} and nobody assigned. {@code description},
 * {@code projectId} and {@code workspaceId} may be {@code null}; the reporter is the event's actor.
 */
@Revision("1")
public record TicketOpenedEvent(String ticketId,
                                String organizationId,
                                String title,
                                String description,
                                String priority,
                                String projectId,
                                String workspaceId) {
}
