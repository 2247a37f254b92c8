package dev.warden.query.identity;

import dev.warden.events.identity.AllSessionsRevokedEvent;
import dev.warden.events.identity.SessionRevokedEvent;
import dev.warden.events.identity.SessionStartedEvent;
import dev.warden.query.support.Positions;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code sessions}: the hash of each session's token, when it expires and when it was revoked.
 * Part of the identity directory's processing group, so a user's revoke-all is applied in log order
 * with the sessions it ends (while that group runs one segment).
 */
@Component
@ProcessingGroup(IdentityProjection.GROUP)
public class SessionProjection {

    private final JdbcClient jdbc;

    SessionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(SessionStartedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO sessions (id, user_id, token_hash, client_address, user_agent, second_factor,
                                              created_at, updated_at, expires_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.sessionId(), event.userId(), event.tokenHash(), event.clientAddress(),
                        event.userAgent(), event.secondFactor(), Timestamp.from(at), Timestamp.from(at),
                        Timestamp.from(event.expiresAt()), Positions.of(token))
                .update();
    }

    @EventHandler
    public void on(SessionRevokedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        long position = Positions.of(token);
        jdbc.sql("""
                        UPDATE sessions
                        SET revoked_at = coalesce(revoked_at, ?), updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""")
                .params(Timestamp.from(at), Timestamp.from(at), position, event.sessionId(), position)
                .update();
    }

    /** Ends every session of the user that was open when the event happened; later ones stay valid. */
    @EventHandler
    public void on(AllSessionsRevokedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        long position = Positions.of(token);
        jdbc.sql("""
                        UPDATE sessions SET revoked_at = ?, updated_at = ?, last_event_position = ?
                        WHERE user_id = ? AND revoked_at IS NULL AND created_at <= ? AND last_event_position < ?""")
                .params(Timestamp.from(at), Timestamp.from(at), position, event.userId(), Timestamp.from(at), position)
                .update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM sessions").update();
    }
}
