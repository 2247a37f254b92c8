package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The requester withdraws a pending request.
 */
public record CancelAccessRequestCommand(@TargetAggregateIdentifier String requestId,
                                         String organizationId,
                                         String requesterId) implements OrganizationScoped {
}
