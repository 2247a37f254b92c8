package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A Manager or Admin approves a pending request; the role is assigned in the same transaction.
 */
public record ApproveAccessRequestCommand(@TargetAggregateIdentifier String requestId,
                                          String organizationId,
                                          String deciderId,
                                          String reason) implements OrganizationScoped {
}
