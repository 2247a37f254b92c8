package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A Manager or Admin denies a pending request, with a reason.
 */
public record DenyAccessRequestCommand(@TargetAggregateIdentifier String requestId,
                                       String organizationId,
                                       String deciderId,
                                       String reason) implements OrganizationScoped {
}
