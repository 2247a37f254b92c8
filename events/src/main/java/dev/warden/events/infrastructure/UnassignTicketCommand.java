package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a ticket away from its assignee; a ticket nobody has stores nothing; a closed
 * ticket is not unassigned (reopen it first).
 */
public record UnassignTicketCommand(@TargetAggregateIdentifier String ticketId,
                                    String organizationId) implements OrganizationScoped {
}
