package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.infrastructure.Project;
import dev.warden.command.infrastructure.Workspace;
import dev.warden.events.infrastructure.ProjectArchivedEvent;
import dev.warden.events.infrastructure.ProjectCreatedEvent;
import dev.warden.events.infrastructure.ResourceCounts;
import dev.warden.events.infrastructure.RunRecordedEvent;
import dev.warden.events.infrastructure.RunStatusChangedEvent;
import dev.warden.events.infrastructure.WorkspaceCreatedEvent;
import dev.warden.events.infrastructure.WorkspaceLockedEvent;
import dev.warden.events.infrastructure.WorkspaceSettings;
import dev.warden.events.infrastructure.WorkspaceVariableSetEvent;
import dev.warden.events.shared.IdKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The infrastructure aggregates make the round trip through a snapshot whole: every field (the
 * workspace's settings, variables, lock and runs, the project's labels) comes back as it was, so an
 * aggregate loaded from its snapshot decides as the one built from its events.
 */
class InfrastructureSnapshotTest {

    private final SnapshotRoundTrips snapshots = new SnapshotRoundTrips();

    @Test
    void aWorkspaceComesBackWhole() {
        String workspaceId = IdKind.WORKSPACE.next();
        String runId = IdKind.RUN.next();
        snapshots.given(Workspace.class, workspaceId,
                new WorkspaceCreatedEvent(workspaceId, "org_a", "prj_a", "network",
                        new WorkspaceSettings("production", "1.9.8", "stacks", "acme/infra", "main", true)),
                new WorkspaceVariableSetEvent(workspaceId, "org_a", "region", "eu-west-1", null, false),
                new WorkspaceVariableSetEvent(workspaceId, "org_a", "token", null, "cred_x", true),
                new WorkspaceLockedEvent(workspaceId, "org_a", "usr_alice", "Migrating"),
                new RunRecordedEvent(workspaceId, "org_a", "prj_a", runId, "plan", "running", "vcs", "key_r", null),
                new RunStatusChangedEvent(workspaceId, "org_a", runId, "plan", "succeeded", "running",
                        new ResourceCounts(1, 2, 3)));

        Workspace built = snapshots.load(Workspace.class, workspaceId);
        Workspace restored = snapshots.roundTrip(built);

        assertThat(restored).usingRecursiveComparison().isEqualTo(built);
        assertThat(snapshots.serialized(built))
                .contains("eu-west-1", "cred_x", "usr_alice", runId, "succeeded", "1.9.8");
    }

    @Test
    void aProjectComesBackWhole() {
        String projectId = IdKind.PROJECT.next();
        snapshots.given(Project.class, projectId,
                new ProjectCreatedEvent(projectId, "org_a", "Platform", "Shared", Map.of("team", "core", "tier", "1")),
                new ProjectArchivedEvent(projectId, "org_a", "Platform"));

        Project built = snapshots.load(Project.class, projectId);

        assertThat(snapshots.roundTrip(built)).usingRecursiveComparison().isEqualTo(built);
        assertThat(snapshots.serialized(built)).contains("core", "\"archived\":true");
    }
}
