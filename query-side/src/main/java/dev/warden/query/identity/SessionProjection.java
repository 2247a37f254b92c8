package dev.warden.query.identity;

import dev.warden.events.identity.AllSessionsRevokedEvent;
import dev.warden.events.identity.SessionRevokedEvent;
import dev.warden.events.identity.SessionStartedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code sessions}: the hash of each session's token, when it expires and when it was revoked.
 * Part of the identity directory's processing group, so a user's revoke-all is applied in log order
 * with the sessions it ends (while that group runs one segment); its writes are keyed by the user,
 * which keeps that order within the processor's batch ({@link ProjectionWrites}).
 */
@Component
@ProcessingGroup(IdentityProjection.GROUP)
public class SessionProjection {

    private final ProjectionWrites writes;

    SessionProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(SessionStartedEvent event, Logged logged) {
        writes.write(key(event.userId()), """
                        INSERT INTO sessions (id, user_id, token_hash, client_address, user_agent, second_factor,
                                              created_at, updated_at, expires_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.sessionId(), event.userId(), event.tokenHash(), event.clientAddress(), event.userAgent(),
                event.secondFactor(), logged.time(), logged.time(), Timestamp.from(event.expiresAt()),
                logged.position());
    }

    @EventHandler
    public void on(SessionRevokedEvent event, Logged logged) {
        writes.write(key(event.userId()), """
                        UPDATE sessions
                        SET revoked_at = coalesce(revoked_at, ?), updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                logged.time(), logged.time(), logged.position(), event.sessionId(), logged.position());
    }

    /** Ends every session of the user that was open when the event happened; later ones stay valid. */
    @EventHandler
    public void on(AllSessionsRevokedEvent event, Logged logged) {
        writes.write(key(event.userId()), """
                        UPDATE sessions SET revoked_at = ?, updated_at = ?, last_event_position = ?
                        WHERE user_id = ? AND revoked_at IS NULL AND created_at <= ? AND last_event_position < ?""",
                logged.time(), logged.time(), logged.position(), event.userId(), logged.time(), logged.position());
    }

    @ResetHandler
    public void reset() {
        writes.clear("sessions");
    }

    /** All sessions of one user: a revoke-all reaches every session the user started before it. */
    private static String key(String userId) {
        return "sessions " + userId;
    }
}
