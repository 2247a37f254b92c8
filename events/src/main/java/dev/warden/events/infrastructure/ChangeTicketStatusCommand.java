package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves a ticket to {@code status} (a {@link TicketStatus} as spelled on the wire). Only the
 * transitions of the ticket workflow are allowed; asking for the status the ticket has stores
 * nothing.
 */
public record ChangeTicketStatusCommand(@TargetAggregateIdentifier String ticketId,
                                        String organizationId,
                                        String status) implements OrganizationScoped {
}
