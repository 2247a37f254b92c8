package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to lift a member's suspension in this organization.
 */
public record ReinstateMemberCommand(@TargetAggregateIdentifier String organizationId,
                                     String userId) implements OrganizationScoped {
}
