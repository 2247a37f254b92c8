package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Marks a pending request whose time is up as expired.
 */
public record ExpireAccessRequestCommand(@TargetAggregateIdentifier String requestId,
                                         String organizationId) implements OrganizationScoped {
}
