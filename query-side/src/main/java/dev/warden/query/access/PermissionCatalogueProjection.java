package dev.warden.query.access;

import dev.warden.events.access.PermissionRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code permissions}, the catalogue as registered in the log. */
@Component
@ProcessingGroup(AccessProcessing.GROUP)
public class PermissionCatalogueProjection {

    private final JdbcClient jdbc;

    PermissionCatalogueProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(PermissionRegisteredEvent event) {
        jdbc.sql("""
                        INSERT INTO permissions (name, resource, action, description) VALUES (?, ?, ?, ?)
                        ON CONFLICT (name) DO NOTHING""")
                .params(event.permission(), event.resource(), event.action(), event.description())
                .update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM permissions").update();
    }
}
