package dev.warden.query.access;

import dev.warden.events.access.PermissionRegisteredEvent;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code permissions}, the catalogue as registered in the log, in the processor's batch. A
 * permission is only ever added, so its row needs no position: a second insert does nothing.
 */
@Component
@ProcessingGroup(AccessProcessing.GROUP)
public class PermissionCatalogueProjection {

    private final ProjectionWrites writes;

    PermissionCatalogueProjection(ProjectionWrites writes) {
        this.writes = writes;
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
        writes.clear("permissions");
    }
}
