package dev.warden.query.access;

import dev.warden.events.access.AccessRequestApprovedEvent;
import dev.warden.events.access.AccessRequestCancelledEvent;
import dev.warden.events.access.AccessRequestDeniedEvent;
import dev.warden.events.access.AccessRequestExpiredEvent;
import dev.warden.events.access.AccessRequestedEvent;
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

/**
 * Keeps {@code access_requests}: each request and how it ended. The decider is the actor of the
 * deciding event (for an expiry, whoever the log names, usually the system). A decision only applies
 * to a row whose last event is older, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(AccessProcessing.GROUP)
public class AccessRequestProjection {

    private final JdbcClient jdbc;

    AccessRequestProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(AccessRequestedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO access_requests (id, organization_id, requester_id, role_id, justification, status,
                                                     expires_at, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(event.requestId(), event.organizationId(), event.requesterId(), event.roleId(),
                        event.justification(), Rows.timestamp(event.expiresAt()), Timestamp.from(at),
                        Timestamp.from(at), Positions.of(token))
                .update();
    }

    @EventHandler
    public void on(AccessRequestApprovedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token, @MetaDataValue("actorId") String actorId) {
        decide(event.requestId(), "approved", event.reason(), actorId, at, token);
    }

    @EventHandler
    public void on(AccessRequestDeniedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token, @MetaDataValue("actorId") String actorId) {
        decide(event.requestId(), "denied", event.reason(), actorId, at, token);
    }

    @EventHandler
    public void on(AccessRequestCancelledEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token, @MetaDataValue("actorId") String actorId) {
        decide(event.requestId(), "cancelled", null, actorId, at, token);
    }

    @EventHandler
    public void on(AccessRequestExpiredEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token, @MetaDataValue("actorId") String actorId) {
        decide(event.requestId(), "expired", null, actorId, at, token);
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM access_requests").update();
    }

    private void decide(String requestId, String status, String reason, String actorId, Instant at,
                        TrackingToken token) {
        long position = Positions.of(token);
        jdbc.sql("""
                        UPDATE access_requests
                        SET status = ?, decided_by = ?, decision_reason = ?, decided_at = ?, updated_at = ?,
                            last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""")
                .params(status, actorId, reason, Timestamp.from(at), Timestamp.from(at), position, requestId, position)
                .update();
    }
}
