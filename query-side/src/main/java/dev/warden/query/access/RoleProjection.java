package dev.warden.query.access;

import dev.warden.events.access.PermissionGrantedEvent;
import dev.warden.events.access.PermissionRevokedEvent;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.access.RoleDeletedEvent;
import dev.warden.events.access.RoleRenamedEvent;
import dev.warden.query.support.Positions;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code roles} and {@code role_permissions}. Every write is guarded by the log position of
 * the row's last event, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(AccessProcessing.GROUP)
public class RoleProjection {

    private final JdbcClient jdbc;

    RoleProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(RoleCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        long position = Positions.of(token);
        int inserted = jdbc.sql("""
                        INSERT INTO roles (id, organization_id, name, description, system, version, created_at,
                                           updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING""")
                .params(event.roleId(), event.organizationId(), event.name(), event.description(), event.system(),
                        version, ts(at), ts(at), position)
                .update();
        if (inserted == 1 && !event.permissions().isEmpty()) {
            // One statement for all initial permissions, not one round trip each.
            jdbc.sql("""
                            INSERT INTO role_permissions (role_id, permission, granted_at, last_event_position)
                            SELECT ?, permission, ?, ? FROM unnest(?::text[]) AS permission
                            ON CONFLICT DO NOTHING""")
                    .params(event.roleId(), ts(at), position, event.permissions().toArray(String[]::new))
                    .update();
        }
    }

    @EventHandler
    public void on(RoleRenamedEvent event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        jdbc.sql("""
                        UPDATE roles SET name = ?, version = ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""")
                .params(event.name(), version, ts(at), Positions.of(token), event.roleId(), Positions.of(token))
                .update();
    }

    @EventHandler
    public void on(PermissionGrantedEvent event, @SequenceNumber long version, @Timestamp Instant at,
                   TrackingToken token) {
        long position = Positions.of(token);
        if (touch(event.roleId(), version, at, position)) {
            jdbc.sql("""
                            INSERT INTO role_permissions (role_id, permission, granted_at, last_event_position)
                            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(event.roleId(), event.permission(), ts(at), position)
                    .update();
        }
    }

    @EventHandler
    public void on(PermissionRevokedEvent event, @SequenceNumber long version, @Timestamp Instant at,
                   TrackingToken token) {
        if (touch(event.roleId(), version, at, Positions.of(token))) {
            jdbc.sql("DELETE FROM role_permissions WHERE role_id = ? AND permission = ?")
                    .params(event.roleId(), event.permission())
                    .update();
        }
    }

    @EventHandler
    public void on(RoleDeletedEvent event) {
        jdbc.sql("DELETE FROM roles WHERE id = ?").param(event.roleId()).update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM role_permissions").update();
        jdbc.sql("DELETE FROM roles").update();
    }

    /** Moves the role to this event; false when the event was applied before. */
    private boolean touch(String roleId, long version, Instant at, long position) {
        return jdbc.sql("""
                        UPDATE roles SET version = ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""")
                .params(version, ts(at), position, roleId, position)
                .update() == 1;
    }

    static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
