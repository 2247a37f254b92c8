package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a new organization (a tenant). With a creator, the creator joins it as its Admin.
 */
public record CreateOrganizationCommand(@TargetAggregateIdentifier String organizationId,
                                        String name,
                                        String creatorUserId,
                                        String creatorMemberId) implements OrganizationScoped {
}
