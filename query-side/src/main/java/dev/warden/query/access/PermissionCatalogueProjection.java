package dev.warden.query.access;

import dev.warden.events.access.PermissionRegisteredEvent;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code permissions}, the catalogue as registered in the log, in the processor's batch. */
@Component
@ProcessingGroup(AccessProcessing.GROUP)
public class PermissionCatalogueProjection {

    private final ProjectionWrites writes;
    private final JdbcClient jdbc;

    PermissionCatalogueProjection(ProjectionWrites writes, JdbcClient jdbc) {
        this.writes = writes;
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(PermissionRegisteredEvent event) {
        writes.write("permissions " + event.permission(), """
                        INSERT INTO permissions (name, resource, action, description) VALUES (?, ?, ?, ?)
                        ON CONFLICT (name) DO NOTHING""",
                event.permission(), event.resource(), event.action(), event.description());
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM permissions").update();
    }
}
