package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives a ticket to a member of its organization ({@code userId}), replacing whoever had it. A user
 * who is not a member answers as a missing member. Assigning the current assignee again stores
 * nothing; a closed ticket is not assigned.
 */
public record AssignTicketCommand(@TargetAggregateIdentifier String ticketId,
                                  String organizationId,
                                  String userId) implements OrganizationScoped {
}
