package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The signed-in user {@code userId} accepts an invitation addressed to them (by id or by their
 * current email) and joins its organization as a Viewer under {@code memberId}.
 */
public record AcceptInvitationCommand(@TargetAggregateIdentifier String invitationId,
                                      String organizationId,
                                      String userId,
                                      String memberId) implements OrganizationScoped {
}
