package dev.warden.query.access;

import dev.warden.events.access.PermissionGrantedEvent;
import dev.warden.events.access.PermissionRevokedEvent;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.access.RoleDeletedEvent;
import dev.warden.events.access.RoleRenamedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code roles} and {@code role_permissions}. Every write is guarded by the log position of
 * the row's last event, so handling an event twice changes nothing. Each event is one statement,
 * keyed by the role, queued with the processor's batch ({@link ProjectionWrites}).
 */
@Component
@ProcessingGroup(AccessProcessing.GROUP)
public class RoleProjection {

    /** Moves the role to this event, unless it was applied before; the statement's CTE yields the role if moved. */
    private static final String TOUCH = """
            WITH touched AS (
                UPDATE roles SET version = ?, updated_at = ?, last_event_position = ?
                WHERE id = ? AND last_event_position < ? RETURNING id)
            """;

    private final ProjectionWrites writes;

    RoleProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(RoleCreatedEvent event, @SequenceNumber long version, Logged logged) {
        // The role and all its initial permissions in one statement; none if the role was there already.
        writes.write(event.roleId(), """
                        WITH inserted AS (
                            INSERT INTO roles (id, organization_id, name, description, system, version, created_at,
                                               updated_at, last_event_position)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (id) DO NOTHING RETURNING id)
                        INSERT INTO role_permissions (role_id, permission, granted_at, last_event_position)
                        SELECT inserted.id, permission, ?, ? FROM inserted CROSS JOIN unnest(?::text[]) AS permission
                        ON CONFLICT DO NOTHING""",
                event.roleId(), event.organizationId(), event.name(), event.description(), event.system(),
                version, logged.time(), logged.time(), logged.position(),
                logged.time(), logged.position(), event.permissions().toArray(String[]::new));
    }

    @EventHandler
    public void on(RoleRenamedEvent event, @SequenceNumber long version, Logged logged) {
        writes.write(event.roleId(), """
                        UPDATE roles SET name = ?, version = ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                event.name(), version, logged.time(), logged.position(), event.roleId(), logged.position());
    }

    @EventHandler
    public void on(PermissionGrantedEvent event, @SequenceNumber long version, Logged logged) {
        writes.write(event.roleId(), TOUCH + """
                        INSERT INTO role_permissions (role_id, permission, granted_at, last_event_position)
                        SELECT id, ?, ?, ? FROM touched ON CONFLICT DO NOTHING""",
                version, logged.time(), logged.position(), event.roleId(), logged.position(),
                event.permission(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(PermissionRevokedEvent event, @SequenceNumber long version, Logged logged) {
        writes.write(event.roleId(), TOUCH + """
                        DELETE FROM role_permissions WHERE role_id IN (SELECT id FROM touched) AND permission = ?""",
                version, logged.time(), logged.position(), event.roleId(), logged.position(),
                event.permission());
    }

    /** The role's permissions go with it ({@code ON DELETE CASCADE}). */
    @EventHandler
    public void on(RoleDeletedEvent event, Logged logged) {
        writes.write(event.roleId(), "DELETE FROM roles WHERE id = ? AND last_event_position < ?",
                event.roleId(), logged.position());
    }

    @ResetHandler
    public void reset() {
        writes.clear("role_permissions", "roles");
    }
}
