package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to withdraw a pending invitation of the organization (by a member with {@code members:write}).
 */
public record RevokeInvitationCommand(@TargetAggregateIdentifier String invitationId,
                                      String organizationId) implements OrganizationScoped {
}
