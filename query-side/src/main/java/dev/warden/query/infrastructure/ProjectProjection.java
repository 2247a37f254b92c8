package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.ProjectArchivedEvent;
import dev.warden.events.infrastructure.ProjectCreatedEvent;
import dev.warden.events.infrastructure.ProjectDescribedEvent;
import dev.warden.events.infrastructure.ProjectLabelledEvent;
import dev.warden.events.infrastructure.ProjectRenamedEvent;
import dev.warden.events.infrastructure.ProjectRestoredEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code projects}. Every change is guarded by the log position of the row's last event, so
 * handling an event twice changes nothing. Writes are keyed by the organization ({@link RowChanges}),
 * so a project's row is written before its workspaces' rows, which reference it.
 */
@Component
@ProcessingGroup(InfrastructureProcessing.GROUP)
public class ProjectProjection {

    private final ProjectionWrites writes;

    ProjectProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(ProjectCreatedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        writes.write(RowChanges.key(event.organizationId()), """
                        INSERT INTO projects (id, organization_id, name, description, status, labels, created_by,
                                              created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, 'active', ?::jsonb, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.projectId(), event.organizationId(), event.name(), event.description(),
                JsonColumns.write(event.labels()), actorId, logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(ProjectRenamedEvent event, Logged logged) {
        change(event.organizationId(), event.projectId(), "name = ?", logged, event.name());
    }

    @EventHandler
    public void on(ProjectDescribedEvent event, Logged logged) {
        change(event.organizationId(), event.projectId(), "description = ?", logged, event.description());
    }

    @EventHandler
    public void on(ProjectLabelledEvent event, Logged logged) {
        change(event.organizationId(), event.projectId(), "labels = ?::jsonb", logged,
                JsonColumns.write(event.labels()));
    }

    @EventHandler
    public void on(ProjectArchivedEvent event, Logged logged) {
        change(event.organizationId(), event.projectId(), "status = 'archived', archived_at = ?", logged,
                logged.time());
    }

    @EventHandler
    public void on(ProjectRestoredEvent event, Logged logged) {
        change(event.organizationId(), event.projectId(), "status = 'active', archived_at = NULL", logged);
    }

    @ResetHandler
    public void reset() {
        // Their workspaces and runs go with them (ON DELETE CASCADE).
        writes.clear("projects");
    }

    private void change(String organizationId, String projectId, String assignments, Logged logged, Object... values) {
        RowChanges.update(writes, organizationId, "projects", projectId, assignments, logged, values);
    }
}
