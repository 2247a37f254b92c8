package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * The invitee declined the invitation.
 */
@Revision("1")
public record InvitationDeclinedEvent(String invitationId,
                                      String organizationId,
                                      String userId) {
}
