package dev.warden.query.access;

import dev.warden.events.access.AccessRequestApprovedEvent;
import dev.warden.events.access.AccessRequestCancelledEvent;
import dev.warden.events.access.AccessRequestDeniedEvent;
import dev.warden.events.access.AccessRequestExpiredEvent;
import dev.warden.events.access.AccessRequestedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import dev.warden.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code access_requests}: each request and how it ended. The decider is the actor of the
 * deciding event (for an expiry, whoever the log names, usually the system). A decision only applies
 * to a row whose last event is older, so handling an event twice changes nothing. Writes go with the
 * processor's batch ({@link ProjectionWrites}), keyed by the request.
 */
@Component
@ProcessingGroup(AccessProcessing.GROUP)
public class AccessRequestProjection {

    private final ProjectionWrites writes;

    AccessRequestProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(AccessRequestedEvent event, Logged logged) {
        writes.write(key(event.requestId()), """
                        INSERT INTO access_requests (id, organization_id, requester_id, role_id, justification, status,
                                                     expires_at, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.requestId(), event.organizationId(), event.requesterId(), event.roleId(), event.justification(),
                Rows.timestamp(event.expiresAt()), logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(AccessRequestApprovedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        decide(event.requestId(), "approved", event.reason(), actorId, logged);
    }

    @EventHandler
    public void on(AccessRequestDeniedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        decide(event.requestId(), "denied", event.reason(), actorId, logged);
    }

    @EventHandler
    public void on(AccessRequestCancelledEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        decide(event.requestId(), "cancelled", null, actorId, logged);
    }

    @EventHandler
    public void on(AccessRequestExpiredEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        decide(event.requestId(), "expired", null, actorId, logged);
    }

    @ResetHandler
    public void reset() {
        writes.clear("access_requests");
    }

    private void decide(String requestId, String status, String reason, String actorId, Logged logged) {
        writes.write(key(requestId), """
                        UPDATE access_requests
                        SET status = ?, decided_by = ?, decision_reason = ?, decided_at = ?, updated_at = ?,
                            last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                status, actorId, reason, logged.time(), logged.time(), logged.position(), requestId,
                logged.position());
    }

    private static String key(String requestId) {
        return "access_requests " + requestId;
    }
}
