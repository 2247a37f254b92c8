package dev.warden.query.identity;

import dev.warden.events.identity.InvitationAcceptedEvent;
import dev.warden.events.identity.InvitationDeclinedEvent;
import dev.warden.events.identity.InvitationRevokedEvent;
import dev.warden.events.identity.MemberInvitedEvent;
import dev.warden.query.support.Positions;
import dev.warden.query.support.Rows;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code invitations}: who was invited where, by whom, and how it ended. */
@Component
@ProcessingGroup(IdentityProjection.GROUP)
public class InvitationProjection {

    private final JdbcClient jdbc;

    InvitationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(MemberInvitedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token, @MetaDataValue("actorId") String actorId) {
        jdbc.sql("""
                        INSERT INTO invitations (id, organization_id, user_id, email, status, invited_by, created_at,
                                                 updated_at, expires_at, last_event_position)
                        VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(event.invitationId(), event.organizationId(), event.userId(), event.email(), actorId,
                        Timestamp.from(at), Timestamp.from(at), Rows.timestamp(event.expiresAt()), Positions.of(token))
                .update();
    }

    @EventHandler
    public void on(InvitationAcceptedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        decide(event.invitationId(), "accepted", event.userId(), at, token);
    }

    @EventHandler
    public void on(InvitationDeclinedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        decide(event.invitationId(), "declined", event.userId(), at, token);
    }

    @EventHandler
    public void on(InvitationRevokedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token, @MetaDataValue("actorId") String actorId) {
        decide(event.invitationId(), "revoked", actorId, at, token);
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM invitations").update();
    }

    private void decide(String invitationId, String status, String by, Instant at, TrackingToken token) {
        long position = Positions.of(token);
        jdbc.sql("""
                        UPDATE invitations SET status = ?, decided_by = ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""")
                .params(status, by, Timestamp.from(at), position, invitationId, position)
                .update();
    }
}
