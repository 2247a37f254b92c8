package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks that every session a member has open now loses access to this organization (for example
 * after a lost laptop). The sessions keep working elsewhere; the member signs in again to return.
 */
public record EndMemberSessionsCommand(@TargetAggregateIdentifier String organizationId,
                                       String userId) implements OrganizationScoped {
}
