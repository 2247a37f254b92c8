package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.DriftCheckRecordedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code drift_detection}: one row per recorded check, with the changed resources as JSON
 * (addresses, kinds of change, attribute names; never values). A check is inserted once.
 */
@Component
@ProcessingGroup(InfrastructureProcessing.GROUP)
public class DriftCheckProjection {

    private final ProjectionWrites writes;

    DriftCheckProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(DriftCheckRecordedEvent event, Logged logged) {
        writes.write(RowChanges.key(event.organizationId()), """
                        INSERT INTO drift_detection (id, organization_id, project_id, workspace_id, status,
                                                     trigger_source, resources_checked, resources_drifted,
                                                     drifted_resources, summary, triggered_by, checked_at, created_at,
                                                     updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.checkId(), event.organizationId(), event.projectId(), event.workspaceId(), event.status(),
                event.trigger(), event.resourcesChecked(), event.resources().size(),
                JsonColumns.write(event.resources()), event.summary(), event.triggeredBy(), logged.time(),
                logged.time(), logged.time(), logged.position());
    }

    @ResetHandler
    public void reset() {
        writes.clear("drift_detection");
    }
}
