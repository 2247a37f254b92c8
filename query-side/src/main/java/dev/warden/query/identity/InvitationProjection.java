package dev.warden.query.identity;

import dev.warden.events.identity.InvitationAcceptedEvent;
import dev.warden.events.identity.InvitationDeclinedEvent;
import dev.warden.events.identity.InvitationRevokedEvent;
import dev.warden.events.identity.MemberInvitedEvent;
import dev.warden.events.identity.PersonalFields;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import dev.warden.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code invitations}: who was invited where, by whom, and how it ended; written with the
 * processor's batch ({@link ProjectionWrites}), keyed by the invitation.
 */
@Component
@ProcessingGroup(IdentityProjection.GROUP)
public class InvitationProjection {

    private final ProjectionWrites writes;
    private final PersonalValues personal;

    InvitationProjection(ProjectionWrites writes, PersonalValues personal) {
        this.writes = writes;
        this.personal = personal;
    }

    @EventHandler
    public void on(MemberInvitedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        String id = event.invitationId();
        String email = personal.read(id, PersonalFields.EMAIL, event.email(), event.encryptedEmail());
        writes.write(key(id), """
                        INSERT INTO invitations (id, organization_id, user_id, email, email_erased, status, invited_by,
                                                 created_at, updated_at, expires_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                id, event.organizationId(), event.userId(), email, event.byEmail() && email == null, actorId,
                logged.time(), logged.time(), Rows.timestamp(event.expiresAt()), logged.position());
    }

    @EventHandler
    public void on(InvitationAcceptedEvent event, Logged logged) {
        decide(event.invitationId(), "accepted", event.userId(), logged);
    }

    @EventHandler
    public void on(InvitationDeclinedEvent event, Logged logged) {
        decide(event.invitationId(), "declined", event.userId(), logged);
    }

    @EventHandler
    public void on(InvitationRevokedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        decide(event.invitationId(), "revoked", actorId, logged);
    }

    @ResetHandler
    public void reset() {
        writes.clear("invitations");
    }

    private void decide(String invitationId, String status, String by, Logged logged) {
        writes.write(key(invitationId), """
                        UPDATE invitations SET status = ?, decided_by = ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                status, by, logged.time(), logged.position(), invitationId, logged.position());
    }

    static String key(String invitationId) {
        return "invitations " + invitationId;
    }
}
