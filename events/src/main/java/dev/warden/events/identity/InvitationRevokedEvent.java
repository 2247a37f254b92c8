package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * The organization withdrew a pending invitation.
 */
@Revision("1")
public record InvitationRevokedEvent(String invitationId,
                                     String organizationId) {
}
