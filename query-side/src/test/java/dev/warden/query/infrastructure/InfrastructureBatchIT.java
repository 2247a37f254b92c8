package dev.warden.query.infrastructure;

import static dev.warden.query.support.ReadModelDatabase.batch;
import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.infrastructure.DriftCheckRecordedEvent;
import dev.warden.events.infrastructure.ProjectCreatedEvent;
import dev.warden.events.infrastructure.ProjectRenamedEvent;
import dev.warden.events.infrastructure.RunRecordedEvent;
import dev.warden.events.infrastructure.RunStatusChangedEvent;
import dev.warden.events.infrastructure.WorkspaceCreatedEvent;
import dev.warden.events.infrastructure.WorkspaceLockedEvent;
import dev.warden.events.infrastructure.WorkspaceSettings;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The infrastructure projections as a processor runs them: a batch holding a project, its workspace
 * and the workspace's runs lands in log order (rows referencing each other are written after what
 * they reference), and a reset empties the tables of the schema it writes to.
 */
class InfrastructureBatchIT {

    private static final List<String> TABLES = List.of("projects", "workspaces", "workspace_runs", "drift_detection");
    private static final WorkspaceSettings SETTINGS = new WorkspaceSettings("dev", null, null, null, null, true);

    private final JdbcClient live = ReadModelDatabase.jdbc();
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String projectId = IdKind.PROJECT.next();
    private final String workspaceId = IdKind.WORKSPACE.next();
    private final String runId = IdKind.RUN.next();

    @Test
    void aBatchFromProjectToRunsLandsInLogOrder() {
        ProjectProjection projects = ReadModelDatabase.bean(ProjectProjection.class);
        WorkspaceProjection workspaces = ReadModelDatabase.bean(WorkspaceProjection.class);
        RunProjection runs = ReadModelDatabase.bean(RunProjection.class);
        DriftCheckProjection checks = ReadModelDatabase.bean(DriftCheckProjection.class);
        String checkId = IdKind.DRIFT_CHECK.next();

        batch(() -> {
            projects.on(new ProjectCreatedEvent(projectId, orgId, "Batched", "", Map.of()), next(at), "usr_a");
            workspaces.on(new WorkspaceCreatedEvent(workspaceId, orgId, projectId, "batched", SETTINGS), next(at));
            runs.on(new RunRecordedEvent(workspaceId, orgId, projectId, runId, "apply", "queued", "api", "key_r", null),
                    next(at));
            projects.on(new ProjectRenamedEvent(projectId, orgId, "Renamed", "Batched"), next(at));
            workspaces.on(new WorkspaceLockedEvent(workspaceId, orgId, "usr_a", "Busy"), next(at));
            runs.on(new RunStatusChangedEvent(workspaceId, orgId, runId, "apply", "running", "queued", null), next(at));
            DriftCheckRecordedEvent check = new DriftCheckRecordedEvent(workspaceId, orgId, projectId, checkId,
                    "no-drift", List.of(), 3, "", "schedule", "key_c");
            var logged = next(at);
            checks.on(check, logged);
            workspaces.on(check, logged);
        });

        ProjectQueries projectQueries = ReadModelDatabase.bean(ProjectQueries.class);
        WorkspaceQueries workspaceQueries = ReadModelDatabase.bean(WorkspaceQueries.class);
        RunQueries runQueries = ReadModelDatabase.bean(RunQueries.class);
        assertThat(projectQueries.project(orgId, projectId).orElseThrow().name()).isEqualTo("Renamed");
        WorkspaceView workspace = workspaceQueries.workspace(orgId, workspaceId).orElseThrow();
        assertThat(workspace.status()).isEqualTo("locked");
        assertThat(workspace.driftStatus()).isEqualTo("no-drift");
        assertThat(runQueries.run(orgId, workspaceId, runId).orElseThrow().status()).isEqualTo("running");
        assertThat(runQueries.driftChecks(orgId, workspaceId, PageRequest.of(null, null)).items()).hasSize(1);
    }

    @Test
    void aResetEmptiesTheTablesOfItsSchemaAndLeavesTheLiveOnes() {
        String schema = "branch_" + UUID.randomUUID().toString().replace("-", "");
        live.sql("CREATE SCHEMA " + schema).update();
        for (String table : TABLES) {
            live.sql("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)").update();
        }
        DataSource branch = ReadModelDatabase.inSchema(schema);
        ProjectProjection liveProjects = ReadModelDatabase.bean(ProjectProjection.class);
        liveProjects.on(new ProjectCreatedEvent(projectId, orgId, "Live", "", Map.of()), next(at), "usr_a");
        ProjectProjection projects = ReadModelDatabase.bean(ProjectProjection.class, branch);
        WorkspaceProjection workspaces = ReadModelDatabase.bean(WorkspaceProjection.class, branch);
        RunProjection runs = ReadModelDatabase.bean(RunProjection.class, branch);
        DriftCheckProjection checks = ReadModelDatabase.bean(DriftCheckProjection.class, branch);
        projects.on(new ProjectCreatedEvent(projectId, orgId, "Branch", "", Map.of()), next(at), "usr_a");
        workspaces.on(new WorkspaceCreatedEvent(workspaceId, orgId, projectId, "branch", SETTINGS), next(at));
        runs.on(new RunRecordedEvent(workspaceId, orgId, projectId, runId, "plan", "queued", "api", "key_r", null),
                next(at));
        checks.on(new DriftCheckRecordedEvent(workspaceId, orgId, projectId, IdKind.DRIFT_CHECK.next(), "no-drift",
                List.of(), 0, "", "api", "key_r"), next(at));
        for (String table : TABLES) {
            assertThat(count(schema + "." + table)).as(table).isEqualTo(1);
        }

        runs.reset();
        checks.reset();
        workspaces.reset();
        projects.reset();

        for (String table : TABLES) {
            assertThat(count(schema + "." + table)).as(table).isZero();
        }
        assertThat(ReadModelDatabase.bean(ProjectQueries.class).project(orgId, projectId).orElseThrow().name())
                .isEqualTo("Live");
    }

    private long count(String table) {
        return live.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
