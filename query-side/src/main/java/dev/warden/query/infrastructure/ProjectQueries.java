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

/** Reads of an organization's projects. Another organization's projects are never seen. */
@Repository
public class ProjectQueries {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() { };

    private final JdbcClient jdbc;

    ProjectQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's projects, newest first, from the index on (organization, created_at, id). */
    public Page<ProjectView> projects(String organizationId, PageRequest page) {
        List<ProjectView> rows = NewestFirst.bind(jdbc.sql(
                        "SELECT * FROM projects WHERE organization_id = :org AND " + NewestFirst.FROM_CURSOR)
                .param("org", organizationId), page)
                .query((rs, n) -> view(rs))
                .list();
        return page.page(rows, p -> NewestFirst.key(p.createdAt(), p.id()));
    }

    /** One project, if it is the organization's. */
    public Optional<ProjectView> project(String organizationId, String projectId) {
        return jdbc.sql("SELECT * FROM projects WHERE organization_id = ? AND id = ?")
                .params(organizationId, projectId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /** Whether the organization has this project. */
    public boolean exists(String organizationId, String projectId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM projects WHERE organization_id = ? AND id = ?)")
                .params(organizationId, projectId)
                .query(Boolean.class)
                .single();
    }

    private static ProjectView view(ResultSet rs) throws SQLException {
        return new ProjectView(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"),
                rs.getString("description"), new TreeMap<>(JsonColumns.read(rs.getString("labels"), LABELS)), rs.getString("status"),
                rs.getString("created_by"), Rows.instant(rs, "archived_at"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
