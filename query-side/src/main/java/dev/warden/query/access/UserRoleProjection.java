package dev.warden.query.access;

import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleUnassignedEvent;
import dev.warden.events.identity.MemberRemovedEvent;
import dev.warden.query.support.Positions;
import dev.warden.query.support.ProjectionWrites;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code user_roles}: which member holds which role in which organization. Writes are queued
 * with the processor's batch ({@link ProjectionWrites}), keyed by the assignment.
 */
@Component
@ProcessingGroup(AccessProcessing.GROUP)
public class UserRoleProjection {

    private final ProjectionWrites writes;
    private final JdbcClient jdbc;

    UserRoleProjection(ProjectionWrites writes, JdbcClient jdbc) {
        this.writes = writes;
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(RoleAssignedEvent event, @Timestamp Instant at, TrackingToken token,
                   @MetaDataValue("actorId") String actorId) {
        writes.write(key(event.organizationId(), event.userId()), """
                        INSERT INTO user_roles (organization_id, user_id, role_id, assigned_by, assigned_at,
                                                last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.organizationId(), event.userId(), event.roleId(), actorId, RoleProjection.ts(at),
                Positions.of(token));
    }

    @EventHandler
    public void on(RoleUnassignedEvent event) {
        writes.write(key(event.organizationId(), event.userId()),
                "DELETE FROM user_roles WHERE organization_id = ? AND user_id = ? AND role_id = ?",
                event.organizationId(), event.userId(), event.roleId());
    }

    /**
     * The key of one member's rows in one organization (ids never contain a space): assignments,
     * unassignments and the member's removal keep their order.
     */
    private static String key(String organizationId, String userId) {
        return "user_roles " + organizationId + " " + userId;
    }

    /** A member who leaves an organization loses every role they held in it. */
    @EventHandler
    public void on(MemberRemovedEvent event, TrackingToken token) {
        writes.write(key(event.organizationId(), event.userId()),
                "DELETE FROM user_roles WHERE organization_id = ? AND user_id = ? AND last_event_position < ?",
                event.organizationId(), event.userId(), Positions.of(token));
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM user_roles").update();
    }
}
