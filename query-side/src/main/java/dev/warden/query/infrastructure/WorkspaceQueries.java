package dev.warden.query.infrastructure;

import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Reads of an organization's workspaces. Another organization's workspaces are never seen. */
@Repository
public class WorkspaceQueries {

    private static final TypeReference<Map<String, VariableView>> VARIABLES = new TypeReference<>() { };

    private final JdbcClient jdbc;

    WorkspaceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's workspaces, newest first, from the index on (organization, created_at, id). */
    public Page<WorkspaceView> workspaces(String organizationId, PageRequest page) {
        return newestFirst(NewestFirst.bind(jdbc.sql(
                "SELECT * FROM workspaces WHERE organization_id = :org AND " + NewestFirst.FROM_CURSOR)
                .param("org", organizationId), page), page);
    }

    /** A project's workspaces, newest first, from the index on (project, created_at, id). */
    public Page<WorkspaceView> ofProject(String organizationId, String projectId, PageRequest page) {
        return newestFirst(NewestFirst.bind(jdbc.sql("SELECT * FROM workspaces WHERE project_id = :project"
                        + " AND organization_id = :org AND " + NewestFirst.FROM_CURSOR)
                .param("project", projectId)
                .param("org", organizationId), page), page);
    }

    /**
     * The organization's workspaces whose latest drift check found drift (archived ones left out),
     * most recently checked first, from the partial index of drifted workspaces.
     */
    public Page<WorkspaceView> drifted(String organizationId, PageRequest page) {
        NewestFirst after = NewestFirst.of(page);
        List<WorkspaceView> rows = jdbc.sql("""
                        SELECT * FROM workspaces
                        WHERE organization_id = :org AND drift_status = 'drifted' AND status <> 'archived'
                          AND (drift_checked_at, id) < (COALESCE(CAST(:before AS timestamptz), 'infinity'), :id)
                        ORDER BY drift_checked_at DESC, id DESC LIMIT :limit""")
                .param("org", organizationId)
                .param("before", after.before())
                .param("id", after.id())
                .param("limit", page.fetchSize())
                .query((rs, n) -> view(rs))
                .list();
        return page.page(rows, w -> NewestFirst.key(w.driftCheckedAt(), w.id()));
    }

    /** One workspace, if it is the organization's. */
    public Optional<WorkspaceView> workspace(String organizationId, String workspaceId) {
        return jdbc.sql("SELECT * FROM workspaces WHERE organization_id = ? AND id = ?")
                .params(organizationId, workspaceId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /** Whether the organization has this workspace. */
    public boolean exists(String organizationId, String workspaceId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM workspaces WHERE organization_id = ? AND id = ?)")
                .params(organizationId, workspaceId)
                .query(Boolean.class)
                .single();
    }

    private static Page<WorkspaceView> newestFirst(JdbcClient.StatementSpec statement, PageRequest page) {
        List<WorkspaceView> rows = statement.query((rs, n) -> view(rs)).list();
        return page.page(rows, w -> NewestFirst.key(w.createdAt(), w.id()));
    }

    private static WorkspaceView view(ResultSet rs) throws SQLException {
        Map<String, VariableView> variables = new TreeMap<>(JsonColumns.read(rs.getString("variables"), VARIABLES));
        List<VariableView> byName = variables.entrySet().stream()
                .map(v -> new VariableView(v.getKey(), v.getValue().value(), v.getValue().credentialId(),
                        v.getValue().sensitive()))
                .toList();
        return new WorkspaceView(rs.getString("id"), rs.getString("organization_id"), rs.getString("project_id"),
                rs.getString("name"), rs.getString("environment"), rs.getString("terraform_version"),
                rs.getString("working_directory"), rs.getString("vcs_repository_url"), rs.getString("vcs_branch"),
                rs.getBoolean("auto_apply"), byName, rs.getString("status"), rs.getString("locked_by"),
                rs.getString("lock_reason"), Rows.instant(rs, "locked_at"), Rows.instant(rs, "archived_at"),
                rs.getString("drift_status"), Rows.instant(rs, "drift_checked_at"), rs.getString("drift_check_id"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
