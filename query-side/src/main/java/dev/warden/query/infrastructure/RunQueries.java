package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.DriftedResource;
import dev.warden.events.infrastructure.ResourceCounts;
import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * Reads of what happened on a workspace: its runs and its drift checks, newest first, each from
 * an index on (workspace, created_at, id). Another organization's are never seen.
 */
@Repository
public class RunQueries {

    private static final TypeReference<List<DriftedResource>> RESOURCES = new TypeReference<>() { };
    private static final String OF_WORKSPACE = " WHERE workspace_id = :workspace AND organization_id = :org AND ";

    private final JdbcClient jdbc;

    RunQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<RunView> runs(String organizationId, String workspaceId, PageRequest page) {
        List<RunView> rows = newestFirst("SELECT * FROM workspace_runs", organizationId, workspaceId, page)
                .query((rs, n) -> run(rs))
                .list();
        return page.page(rows, r -> NewestFirst.key(r.createdAt(), r.id()));
    }

    /** One run of the organization's workspace. */
    public Optional<RunView> run(String organizationId, String workspaceId, String runId) {
        return jdbc.sql("SELECT * FROM workspace_runs WHERE organization_id = ? AND workspace_id = ? AND id = ?")
                .params(organizationId, workspaceId, runId)
                .query((rs, n) -> run(rs))
                .optional();
    }

    public Page<DriftCheckView> driftChecks(String organizationId, String workspaceId, PageRequest page) {
        List<DriftCheckView> rows = newestFirst("SELECT * FROM drift_detection", organizationId, workspaceId, page)
                .query((rs, n) -> driftCheck(rs))
                .list();
        return page.page(rows, c -> NewestFirst.key(c.checkedAt(), c.id()));
    }

    /** One drift check of the organization's workspace. */
    public Optional<DriftCheckView> driftCheck(String organizationId, String workspaceId, String checkId) {
        return jdbc.sql("SELECT * FROM drift_detection WHERE organization_id = ? AND workspace_id = ? AND id = ?")
                .params(organizationId, workspaceId, checkId)
                .query((rs, n) -> driftCheck(rs))
                .optional();
    }

    private JdbcClient.StatementSpec newestFirst(String select, String organizationId, String workspaceId,
                                                 PageRequest page) {
        return NewestFirst.bind(jdbc.sql(select + OF_WORKSPACE + NewestFirst.FROM_CURSOR)
                .param("workspace", workspaceId)
                .param("org", organizationId), page);
    }

    private static RunView run(ResultSet rs) throws SQLException {
        int add = rs.getInt("resources_to_add");
        ResourceCounts counts = rs.wasNull() ? null : new ResourceCounts(add, rs.getInt("resources_to_change"),
                rs.getInt("resources_to_destroy"));
        return new RunView(rs.getString("id"), rs.getString("organization_id"), rs.getString("project_id"),
                rs.getString("workspace_id"), rs.getString("operation"), rs.getString("status"),
                rs.getString("trigger_source"), rs.getString("triggered_by"), counts, Rows.instant(rs, "started_at"),
                Rows.instant(rs, "finished_at"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    private static DriftCheckView driftCheck(ResultSet rs) throws SQLException {
        return new DriftCheckView(rs.getString("id"), rs.getString("organization_id"), rs.getString("project_id"),
                rs.getString("workspace_id"), rs.getString("status"),
                JsonColumns.read(rs.getString("drifted_resources"), RESOURCES), rs.getInt("resources_checked"),
                rs.getInt("resources_drifted"), rs.getString("summary"), rs.getString("trigger_source"),
                rs.getString("triggered_by"), Rows.instant(rs, "checked_at"));
    }
}
