package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.ResourceCounts;
import dev.warden.events.infrastructure.RunRecordedEvent;
import dev.warden.events.infrastructure.RunStatusChangedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import java.sql.Timestamp;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code workspace_runs}: each run, its status and counts, when it started running and when it
 * finished. Counts a report leaves out keep their value. Guarded by the row's last event position,
 * keyed by the organization ({@link RowChanges}), so a run is written after its workspace.
 */
@Component
@ProcessingGroup(InfrastructureProcessing.GROUP)
public class RunProjection {

    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");

    private final ProjectionWrites writes;

    RunProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(RunRecordedEvent event, Logged logged) {
        ResourceCounts counts = event.resources();
        writes.write(RowChanges.key(event.organizationId()), """
                        INSERT INTO workspace_runs (id, organization_id, project_id, workspace_id, operation, status,
                                                    trigger_source, triggered_by, resources_to_add, resources_to_change,
                                                    resources_to_destroy, started_at, finished_at, created_at,
                                                    updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.runId(), event.organizationId(), event.projectId(), event.workspaceId(), event.operation(),
                event.status(), event.trigger(), event.triggeredBy(), counts == null ? null : counts.add(),
                counts == null ? null : counts.change(), counts == null ? null : counts.destroy(),
                "queued".equals(event.status()) ? null : logged.time(), finishedAt(event.status(), logged),
                logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(RunStatusChangedEvent event, Logged logged) {
        ResourceCounts counts = event.resources();
        RowChanges.update(writes, event.organizationId(), "workspace_runs", event.runId(), """
                        status = ?, resources_to_add = coalesce(?, resources_to_add),
                        resources_to_change = coalesce(?, resources_to_change),
                        resources_to_destroy = coalesce(?, resources_to_destroy),
                        started_at = CASE WHEN ? = 'running' THEN ? ELSE started_at END, finished_at = ?""", logged,
                event.status(), counts == null ? null : counts.add(), counts == null ? null : counts.change(),
                counts == null ? null : counts.destroy(), event.status(), logged.time(),
                finishedAt(event.status(), logged));
    }

    @ResetHandler
    public void reset() {
        writes.clear("workspace_runs");
    }

    private static Timestamp finishedAt(String status, Logged logged) {
        return FINAL.contains(status) ? logged.time() : null;
    }
}
