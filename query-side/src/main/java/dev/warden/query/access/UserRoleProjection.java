package dev.warden.query.access;

import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleUnassignedEvent;
import dev.warden.events.identity.MemberRemovedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code user_roles}: which member holds which role in which organization. Writes are queued
 * with the processor's batch ({@link ProjectionWrites}), keyed by the assignment.
 */
@Component
@ProcessingGroup(AccessProcessing.GROUP)
public class UserRoleProjection {

    private final ProjectionWrites writes;

    UserRoleProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(RoleAssignedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        writes.write(key(event.organizationId(), event.userId()), """
                        INSERT INTO user_roles (organization_id, user_id, role_id, assigned_by, assigned_at,
                                                last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.organizationId(), event.userId(), event.roleId(), actorId, logged.time(), logged.position());
    }

    @EventHandler
    public void on(RoleUnassignedEvent event, Logged logged) {
        writes.write(key(event.organizationId(), event.userId()), """
                        DELETE FROM user_roles
                        WHERE organization_id = ? AND user_id = ? AND role_id = ? AND last_event_position < ?""",
                event.organizationId(), event.userId(), event.roleId(), logged.position());
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
    public void on(MemberRemovedEvent event, Logged logged) {
        writes.write(key(event.organizationId(), event.userId()),
                "DELETE FROM user_roles WHERE organization_id = ? AND user_id = ? AND last_event_position < ?",
                event.organizationId(), event.userId(), logged.position());
    }

    @ResetHandler
    public void reset() {
        writes.clear("user_roles");
    }
}
