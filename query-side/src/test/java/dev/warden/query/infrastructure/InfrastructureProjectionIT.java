package dev.warden.query.infrastructure;

import static dev.warden.query.support.ReadModelDatabase.batch;
import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.infrastructure.DriftCheckRecordedEvent;
import dev.warden.events.infrastructure.DriftedResource;
import dev.warden.events.infrastructure.ProjectArchivedEvent;
import dev.warden.events.infrastructure.ProjectCreatedEvent;
import dev.warden.events.infrastructure.ProjectDescribedEvent;
import dev.warden.events.infrastructure.ProjectLabelledEvent;
import dev.warden.events.infrastructure.ProjectRenamedEvent;
import dev.warden.events.infrastructure.ProjectRestoredEvent;
import dev.warden.events.infrastructure.ResourceCounts;
import dev.warden.events.infrastructure.RunRecordedEvent;
import dev.warden.events.infrastructure.RunStatusChangedEvent;
import dev.warden.events.infrastructure.WorkspaceArchivedEvent;
import dev.warden.events.infrastructure.WorkspaceCreatedEvent;
import dev.warden.events.infrastructure.WorkspaceLockedEvent;
import dev.warden.events.infrastructure.WorkspaceSettings;
import dev.warden.events.infrastructure.WorkspaceSettingsChangedEvent;
import dev.warden.events.infrastructure.WorkspaceUnlockedEvent;
import dev.warden.events.infrastructure.WorkspaceVariableRemovedEvent;
import dev.warden.events.infrastructure.WorkspaceVariableSetEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.Logged;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The infrastructure projections against the real schema: every event lands, each handled a second
 * time changes nothing, and the reads see only the organization's rows.
 */
class InfrastructureProjectionIT {

    private static final PageRequest FIRST = PageRequest.of(null, null);
    private static final WorkspaceSettings SETTINGS = new WorkspaceSettings("production", "1.9.8", "stacks/net",
            "acme/infra", "main", false);

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final ProjectProjection projects = ReadModelDatabase.bean(ProjectProjection.class);
    private final WorkspaceProjection workspaces = ReadModelDatabase.bean(WorkspaceProjection.class);
    private final RunProjection runs = ReadModelDatabase.bean(RunProjection.class);
    private final DriftCheckProjection checks = ReadModelDatabase.bean(DriftCheckProjection.class);
    private final ProjectQueries projectQueries = ReadModelDatabase.bean(ProjectQueries.class);
    private final WorkspaceQueries workspaceQueries = ReadModelDatabase.bean(WorkspaceQueries.class);
    private final RunQueries runQueries = ReadModelDatabase.bean(RunQueries.class);
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String projectId = IdKind.PROJECT.next();
    private final String workspaceId = IdKind.WORKSPACE.next();

    @Test
    void everyProjectEventLandsOnceAndTwiceChangesNothing() {
        twice(projectId, "projects", logged -> projects.on(new ProjectCreatedEvent(projectId, orgId, "Platform", "",
                Map.of("team", "core")), logged, "usr_creator"));
        twice(projectId, "projects", logged -> projects.on(new ProjectRenamedEvent(projectId, orgId, "Core", "Platform"),
                logged));
        twice(projectId, "projects", logged -> projects.on(new ProjectDescribedEvent(projectId, orgId, "Shared"),
                logged));
        twice(projectId, "projects", logged -> projects.on(new ProjectLabelledEvent(projectId, orgId,
                Map.of("tier", "gold", "team", "core")), logged));
        Instant archivedAt = at.plusSeconds(5);
        twice(projectId, "projects", archivedAt,
                logged -> projects.on(new ProjectArchivedEvent(projectId, orgId, "Core"), logged));

        ProjectView archived = projectQueries.project(orgId, projectId).orElseThrow();
        assertThat(archived).isEqualTo(new ProjectView(projectId, orgId, "Core", "Shared",
                Map.of("team", "core", "tier", "gold"), "archived", "usr_creator", archivedAt, at, archivedAt));
        assertThat(archived.labels().keySet()).containsExactly("team", "tier");

        twice(projectId, "projects", logged -> projects.on(new ProjectRestoredEvent(projectId, orgId, "Core"), logged));
        ProjectView restored = projectQueries.project(orgId, projectId).orElseThrow();
        assertThat(restored.status()).isEqualTo("active");
        assertThat(restored.archivedAt()).isNull();
        assertThat(projectQueries.project(IdKind.ORGANIZATION.next(), projectId)).isEmpty();
    }

    @Test
    void everyWorkspaceEventLandsOnceAndTwiceChangesNothing() {
        givenProject(orgId, projectId);
        twice(workspaceId, "workspaces", logged -> workspaces.on(new WorkspaceCreatedEvent(workspaceId, orgId,
                projectId, "network", SETTINGS), logged));
        WorkspaceSettings staging = new WorkspaceSettings("staging", null, null, null, null, true);
        twice(workspaceId, "workspaces", logged -> workspaces.on(new WorkspaceSettingsChangedEvent(workspaceId, orgId,
                staging), logged));
        twice(workspaceId, "workspaces", logged -> workspaces.on(new WorkspaceVariableSetEvent(workspaceId, orgId,
                "region", "eu-west-1", null, false), logged));
        twice(workspaceId, "workspaces", logged -> workspaces.on(new WorkspaceVariableSetEvent(workspaceId, orgId,
                "token", null, "cred_x", true), logged));
        twice(workspaceId, "workspaces", logged -> workspaces.on(new WorkspaceVariableSetEvent(workspaceId, orgId,
                "zone", "a", null, false), logged));
        twice(workspaceId, "workspaces", logged -> workspaces.on(new WorkspaceVariableRemovedEvent(workspaceId, orgId,
                "zone"), logged));
        Instant lockedAt = at.plusSeconds(3);
        twice(workspaceId, "workspaces", lockedAt, logged -> workspaces.on(new WorkspaceLockedEvent(workspaceId, orgId,
                "usr_alice", "Migrating"), logged));

        WorkspaceView locked = workspaceQueries.workspace(orgId, workspaceId).orElseThrow();
        assertThat(locked).isEqualTo(new WorkspaceView(workspaceId, orgId, projectId, "network", "staging", null, null,
                null, null, true, List.of(new VariableView("region", "eu-west-1", null, false),
                new VariableView("token", null, "cred_x", true)), "locked", "usr_alice", "Migrating", lockedAt, null,
                null, null, null, at, lockedAt));

        twice(workspaceId, "workspaces", logged -> workspaces.on(new WorkspaceUnlockedEvent(workspaceId, orgId,
                "usr_bob", "usr_alice", "Away"), logged));
        assertThat(workspaceQueries.workspace(orgId, workspaceId).orElseThrow())
                .extracting(WorkspaceView::status, WorkspaceView::lockedBy, WorkspaceView::lockReason,
                        WorkspaceView::lockedAt).containsExactly("active", null, null, null);
        twice(workspaceId, "workspaces", logged -> workspaces.on(new WorkspaceArchivedEvent(workspaceId, orgId,
                projectId, "network"), logged));
        WorkspaceView archived = workspaceQueries.workspace(orgId, workspaceId).orElseThrow();
        assertThat(archived.status()).isEqualTo("archived");
        assertThat(archived.archivedAt()).isEqualTo(at);
        assertThat(workspaceQueries.workspace(IdKind.ORGANIZATION.next(), workspaceId)).isEmpty();
        assertThat(workspaceQueries.exists(orgId, workspaceId)).isTrue();
        assertThat(workspaceQueries.exists(IdKind.ORGANIZATION.next(), workspaceId)).isFalse();
    }

    @Test
    void aRunRecordsWhenItStartedAndFinishedAndKeepsCountsAReportLeavesOut() {
        givenWorkspace(orgId, projectId, workspaceId);
        String runId = IdKind.RUN.next();
        twice(runId, "workspace_runs", logged -> runs.on(new RunRecordedEvent(workspaceId, orgId, projectId, runId,
                "plan", "queued", "vcs", "key_runner", null), logged));
        RunView queued = runQueries.run(orgId, workspaceId, runId).orElseThrow();
        assertThat(queued).isEqualTo(new RunView(runId, orgId, projectId, workspaceId, "plan", "queued", "vcs",
                "key_runner", null, null, null, at, at));

        Instant started = at.plusSeconds(1);
        twice(runId, "workspace_runs", started, logged -> runs.on(new RunStatusChangedEvent(workspaceId, orgId, runId,
                "plan", "running", "queued", new ResourceCounts(2, 1, 0)), logged));
        Instant finished = at.plusSeconds(9);
        twice(runId, "workspace_runs", finished, logged -> runs.on(new RunStatusChangedEvent(workspaceId, orgId, runId,
                "plan", "succeeded", "running", null), logged));

        assertThat(runQueries.run(orgId, workspaceId, runId).orElseThrow()).isEqualTo(new RunView(runId, orgId,
                projectId, workspaceId, "plan", "succeeded", "vcs", "key_runner", new ResourceCounts(2, 1, 0), started,
                finished, at, finished));
        assertThat(runQueries.run(IdKind.ORGANIZATION.next(), workspaceId, runId)).isEmpty();
        assertThat(runQueries.run(orgId, IdKind.WORKSPACE.next(), runId)).isEmpty();
    }

    @Test
    void aRunRecordedFinishedOrCancelledWhileQueuedGetsItsTimesRight() {
        givenWorkspace(orgId, projectId, workspaceId);
        String done = IdKind.RUN.next();
        String cancelled = IdKind.RUN.next();
        runs.on(new RunRecordedEvent(workspaceId, orgId, projectId, done, "apply", "succeeded", "api", "key_r",
                new ResourceCounts(0, 0, 0)), next(at));
        runs.on(new RunRecordedEvent(workspaceId, orgId, projectId, cancelled, "destroy", "queued", "manual", "usr_a",
                null), next(at));
        runs.on(new RunStatusChangedEvent(workspaceId, orgId, cancelled, "destroy", "cancelled", "queued", null),
                next(at.plusSeconds(1)));

        RunView doneView = runQueries.run(orgId, workspaceId, done).orElseThrow();
        assertThat(doneView.startedAt()).isEqualTo(at);
        assertThat(doneView.finishedAt()).isEqualTo(at);
        assertThat(doneView.resources()).isEqualTo(new ResourceCounts(0, 0, 0));
        RunView cancelledView = runQueries.run(orgId, workspaceId, cancelled).orElseThrow();
        assertThat(cancelledView.startedAt()).isNull();
        assertThat(cancelledView.finishedAt()).isEqualTo(at.plusSeconds(1));
        assertThat(runQueries.runs(orgId, workspaceId, FIRST).items()).extracting(RunView::id)
                .containsExactlyInAnyOrder(done, cancelled);
    }

    @Test
    void aDriftCheckLandsInTheHistoryAndOnTheWorkspace() {
        givenWorkspace(orgId, projectId, workspaceId);
        String checkId = IdKind.DRIFT_CHECK.next();
        List<DriftedResource> resources = List.of(new DriftedResource("aws_s3_bucket.logs", "update",
                List.of("tags.owner")));
        DriftCheckRecordedEvent drifted = new DriftCheckRecordedEvent(workspaceId, orgId, projectId, checkId,
                "drifted", resources, 12, "One bucket", "schedule", "key_checker");
        Logged logged = next(at.plusSeconds(2));
        batch(() -> {
            checks.on(drifted, logged);
            workspaces.on(drifted, logged);
        });
        Map<String, Object> check = row("drift_detection", checkId);
        Map<String, Object> workspace = row("workspaces", workspaceId);
        batch(() -> {
            checks.on(drifted, new Logged(logged.position(), at.plusSeconds(60)));
            workspaces.on(drifted, new Logged(logged.position(), at.plusSeconds(60)));
        });
        assertThat(row("drift_detection", checkId)).isEqualTo(check);
        assertThat(row("workspaces", workspaceId)).isEqualTo(workspace);

        assertThat(runQueries.driftChecks(orgId, workspaceId, FIRST).items()).containsExactly(new DriftCheckView(
                checkId, orgId, projectId, workspaceId, "drifted", resources, 12, 1, "One bucket", "schedule",
                "key_checker", at.plusSeconds(2)));
        WorkspaceView view = workspaceQueries.workspace(orgId, workspaceId).orElseThrow();
        assertThat(view.driftStatus()).isEqualTo("drifted");
        assertThat(view.driftCheckedAt()).isEqualTo(at.plusSeconds(2));
        assertThat(view.driftCheckId()).isEqualTo(checkId);
        assertThat(workspaceQueries.drifted(orgId, FIRST).items()).extracting(WorkspaceView::id)
                .containsExactly(workspaceId);
        assertThat(runQueries.driftChecks(IdKind.ORGANIZATION.next(), workspaceId, FIRST).items()).isEmpty();
    }

    @Test
    void theDriftedListHoldsWorkspacesWhoseLatestCheckDriftedMostRecentFirst() {
        givenProject(orgId, projectId);
        String early = givenWorkspace(orgId, projectId, IdKind.WORKSPACE.next());
        String late = givenWorkspace(orgId, projectId, IdKind.WORKSPACE.next());
        String settled = givenWorkspace(orgId, projectId, IdKind.WORKSPACE.next());
        String archived = givenWorkspace(orgId, projectId, IdKind.WORKSPACE.next());
        check(early, "drifted", at.plusSeconds(1));
        check(late, "drifted", at.plusSeconds(2));
        check(settled, "drifted", at.plusSeconds(3));
        check(settled, "no-drift", at.plusSeconds(4));
        check(archived, "drifted", at.plusSeconds(5));
        workspaces.on(new WorkspaceArchivedEvent(archived, orgId, projectId, "x"), next(at.plusSeconds(6)));
        String otherOrg = IdKind.ORGANIZATION.next();
        String elsewhere = givenWorkspace(otherOrg, givenProject(otherOrg, IdKind.PROJECT.next()),
                IdKind.WORKSPACE.next());
        check(otherOrg, elsewhere, "drifted", at.plusSeconds(7));

        assertThat(workspaceQueries.drifted(orgId, FIRST).items()).extracting(WorkspaceView::id)
                .containsExactly(late, early);
        var firstPage = workspaceQueries.drifted(orgId, PageRequest.of(1, null));
        assertThat(firstPage.items()).extracting(WorkspaceView::id).containsExactly(late);
        assertThat(workspaceQueries.drifted(orgId, PageRequest.of(1, firstPage.nextCursor())).items())
                .extracting(WorkspaceView::id).containsExactly(early);
    }

    @Test
    void listsAreNewestFirstPagedAndOfTheOrganizationOnly() {
        String older = givenProject(orgId, IdKind.PROJECT.next());
        projects.on(new ProjectCreatedEvent(projectId, orgId, "Newer", "", Map.of()), next(at.plusSeconds(1)), "usr_a");
        givenProject(IdKind.ORGANIZATION.next(), IdKind.PROJECT.next());
        String first = givenWorkspace(orgId, projectId, IdKind.WORKSPACE.next());
        workspaces.on(new WorkspaceCreatedEvent(workspaceId, orgId, projectId, "later", SETTINGS),
                next(at.plusSeconds(1)));
        String inOlder = givenWorkspace(orgId, older, IdKind.WORKSPACE.next());

        var page = projectQueries.projects(orgId, PageRequest.of(1, null));
        assertThat(page.items()).extracting(ProjectView::id).containsExactly(projectId);
        assertThat(projectQueries.projects(orgId, PageRequest.of(1, page.nextCursor())).items())
                .extracting(ProjectView::id).containsExactly(older);
        assertThat(workspaceQueries.ofProject(orgId, projectId, FIRST).items()).extracting(WorkspaceView::id)
                .containsExactly(workspaceId, first);
        assertThat(workspaceQueries.ofProject(IdKind.ORGANIZATION.next(), projectId, FIRST).items()).isEmpty();
        List<String> all = workspaceQueries.workspaces(orgId, FIRST).items().stream().map(WorkspaceView::id).toList();
        assertThat(all).containsExactlyInAnyOrder(workspaceId, inOlder, first);
        assertThat(all.get(0)).as("the newest").isEqualTo(workspaceId);
    }

    /** Handles an event logged at {@code at}, then again (same position, later time): the row is unchanged. */
    private void twice(String id, String table, Consumer<Logged> handle) {
        twice(id, table, at, handle);
    }

    private void twice(String id, String table, Instant when, Consumer<Logged> handle) {
        Logged logged = next(when);
        handle.accept(logged);
        Map<String, Object> once = row(table, id);
        handle.accept(new Logged(logged.position(), when.plusSeconds(3600)));
        assertThat(row(table, id)).as("%s handled twice", table).isEqualTo(once);
    }

    private Map<String, Object> row(String table, String id) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE id = ?").param(id).query().singleRow();
    }

    private String givenProject(String organizationId, String id) {
        projects.on(new ProjectCreatedEvent(id, organizationId, "Project " + id, "", Map.of()), next(at), "usr_a");
        return id;
    }

    private String givenWorkspace(String organizationId, String project, String id) {
        if (projectQueries.project(organizationId, project).isEmpty()) {
            givenProject(organizationId, project);
        }
        workspaces.on(new WorkspaceCreatedEvent(id, organizationId, project, "ws-" + id.substring(4, 12), SETTINGS),
                next(at));
        return id;
    }

    private void check(String workspace, String status, Instant when) {
        check(orgId, workspace, status, when);
    }

    private void check(String organizationId, String workspace, String status, Instant when) {
        List<DriftedResource> resources = status.equals("drifted")
                ? List.of(new DriftedResource("null_resource.x", "delete", List.of())) : List.of();
        workspaces.on(new DriftCheckRecordedEvent(workspace, organizationId, projectId, IdKind.DRIFT_CHECK.next(),
                status, resources, 1, "", "api", "key_checker"), next(when));
    }
}
