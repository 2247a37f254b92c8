package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The signed-in user {@code userId} declines an invitation addressed to them.
 */
public record DeclineInvitationCommand(@TargetAggregateIdentifier String invitationId,
                                       String organizationId,
                                       String userId) implements OrganizationScoped {
}
