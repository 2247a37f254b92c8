package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a comment (1 to 10,000 characters, line breaks allowed) to a ticket, in any status. */
public record CommentOnTicketCommand(@TargetAggregateIdentifier String ticketId,
                                     String organizationId,
                                     String body) implements OrganizationScoped {
}
