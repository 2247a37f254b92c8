package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.DriftCheckRecordedEvent;
import dev.warden.events.infrastructure.WorkspaceArchivedEvent;
import dev.warden.events.infrastructure.WorkspaceCreatedEvent;
import dev.warden.events.infrastructure.WorkspaceLockedEvent;
import dev.warden.events.infrastructure.WorkspaceSettings;
import dev.warden.events.infrastructure.WorkspaceSettingsChangedEvent;
import dev.warden.events.infrastructure.WorkspaceUnlockedEvent;
import dev.warden.events.infrastructure.WorkspaceVariableRemovedEvent;
import dev.warden.events.infrastructure.WorkspaceVariableSetEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code workspaces}: settings, variables (a sensitive one as its credential reference, never a
 * value), lock, archive, and the status of the latest drift check. Guarded by the row's last event
 * position, keyed by the organization ({@link RowChanges}).
 */
@Component
@ProcessingGroup(InfrastructureProcessing.GROUP)
public class WorkspaceProjection {

    private final ProjectionWrites writes;

    WorkspaceProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(WorkspaceCreatedEvent event, Logged logged) {
        WorkspaceSettings settings = event.settings();
        writes.write(RowChanges.key(event.organizationId()), """
                        INSERT INTO workspaces (id, organization_id, project_id, name, environment, terraform_version,
                                                working_directory, vcs_repository_url, vcs_branch, auto_apply, status,
                                                created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.workspaceId(), event.organizationId(), event.projectId(), event.name(), settings.environment(),
                settings.terraformVersion(), settings.workingDirectory(), settings.vcsRepository(),
                settings.vcsBranch(), settings.autoApply(), logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(WorkspaceSettingsChangedEvent event, Logged logged) {
        WorkspaceSettings settings = event.settings();
        change(event.organizationId(), event.workspaceId(), """
                        environment = ?, terraform_version = ?, working_directory = ?, vcs_repository_url = ?,
                        vcs_branch = ?, auto_apply = ?""", logged, settings.environment(),
                settings.terraformVersion(), settings.workingDirectory(), settings.vcsRepository(),
                settings.vcsBranch(), settings.autoApply());
    }

    @EventHandler
    public void on(WorkspaceVariableSetEvent event, Logged logged) {
        change(event.organizationId(), event.workspaceId(), """
                        variables = variables || jsonb_build_object(?::text, jsonb_strip_nulls(jsonb_build_object(
                            'value', ?::text, 'credentialId', ?::text, 'sensitive', ?::boolean)))""", logged,
                event.name(), event.value(), event.credentialId(), event.sensitive());
    }

    @EventHandler
    public void on(WorkspaceVariableRemovedEvent event, Logged logged) {
        change(event.organizationId(), event.workspaceId(), "variables = variables - ?::text", logged, event.name());
    }

    @EventHandler
    public void on(WorkspaceLockedEvent event, Logged logged) {
        change(event.organizationId(), event.workspaceId(),
                "status = 'locked', locked_by = ?, lock_reason = ?, locked_at = ?", logged, event.lockedBy(),
                event.reason(), logged.time());
    }

    @EventHandler
    public void on(WorkspaceUnlockedEvent event, Logged logged) {
        change(event.organizationId(), event.workspaceId(),
                "status = 'active', locked_by = NULL, lock_reason = NULL, locked_at = NULL", logged);
    }

    @EventHandler
    public void on(WorkspaceArchivedEvent event, Logged logged) {
        change(event.organizationId(), event.workspaceId(), "status = 'archived', archived_at = ?", logged,
                logged.time());
    }

    @EventHandler
    public void on(DriftCheckRecordedEvent event, Logged logged) {
        change(event.organizationId(), event.workspaceId(),
                "drift_status = ?, drift_checked_at = ?, drift_check_id = ?", logged, event.status(), logged.time(),
                event.checkId());
    }

    @ResetHandler
    public void reset() {
        // Their runs go with them (ON DELETE CASCADE).
        writes.clear("workspaces");
    }

    private void change(String organizationId, String workspaceId, String assignments, Logged logged,
                        Object... values) {
        RowChanges.update(writes, organizationId, "workspaces", workspaceId, assignments, logged, values);
    }
}
