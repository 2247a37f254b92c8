package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * The invitee accepted; the membership itself is the {@link MemberAddedEvent} of the same command.
 */
@Revision("1")
public record InvitationAcceptedEvent(String invitationId,
                                      String organizationId,
                                      String userId) {
}
