package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to make a registered user a member of an organization. A user is a member at most once.
 */
public record AddMemberCommand(@TargetAggregateIdentifier String organizationId,
                               String memberId,
                               String userId) implements OrganizationScoped {
}
