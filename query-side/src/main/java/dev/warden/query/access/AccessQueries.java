package dev.warden.query.access;

import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.SortKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the access tables. */
@Repository
public class AccessQueries {

    private final JdbcClient jdbc;

    AccessQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The system roles and the organization's own roles, by name (then id). The cursor is the last
     * row's id and name: ids never contain a space, so the first space separates them. Each kind is
     * read from its own index in page order and cut to a page before the two are merged, so a page
     * reads at most two pages of rows however many roles the organization has.
     */
    public Page<RoleView> roles(String organizationId, PageRequest page) {
        SortKey after = SortKey.after(page);
        List<RoleView> rows = jdbc.sql("""
                        SELECT * FROM (
                            (SELECT * FROM roles WHERE organization_id = :org AND (name, id) > (:afterName, :afterId)
                             ORDER BY name, id LIMIT :limit)
                            UNION ALL
                            (SELECT * FROM roles WHERE system AND (name, id) > (:afterName, :afterId)
                             ORDER BY name, id LIMIT :limit)
                        ) page
                        ORDER BY name, id LIMIT :limit""")
                .param("org", organizationId)
                .param("afterName", after.tail())
                .param("afterId", after.head())
                .param("limit", page.fetchSize())
                .query((rs, n) -> role(rs, List.of()))
                .list();
        return page.page(withPermissions(rows), r -> SortKey.of(r.id(), r.name()));
    }

    /** One role, if it is a system role or the organization's own. */
    public Optional<RoleView> role(String organizationId, String roleId) {
        return jdbc.sql("""
                        SELECT * FROM roles WHERE id = :id AND (organization_id = :org OR organization_id IS NULL)""")
                .param("id", roleId)
                .param("org", organizationId)
                .query((rs, n) -> role(rs, List.of()))
                .optional()
                .map(r -> withPermissions(List.of(r)).get(0));
    }

    /** The ids of the roles a member holds in an organization, per user. */
    public Map<String, List<String>> rolesOf(String organizationId, List<String> userIds) {
        Map<String, List<String>> result = new HashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        SELECT user_id, role_id FROM user_roles
                        WHERE organization_id = :org AND user_id IN (:users) ORDER BY role_id""")
                .param("org", organizationId)
                .param("users", userIds)
                .query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return result;
    }

    /** One page of the permission catalogue, by name. */
    public Page<PermissionView> permissions(PageRequest page) {
        List<PermissionView> rows = jdbc.sql("""
                        SELECT name, resource, action, description FROM permissions
                        WHERE name > ? ORDER BY name LIMIT ?""")
                .params(page.after() == null ? "" : page.after(), page.fetchSize())
                .query(PermissionView.class)
                .list();
        return page.page(rows, PermissionView::name);
    }

    private List<RoleView> withPermissions(List<RoleView> roles) {
        if (roles.isEmpty()) {
            return roles;
        }
        Map<String, List<String>> permissions = new HashMap<>();
        jdbc.sql("SELECT role_id, permission FROM role_permissions WHERE role_id IN (:ids) ORDER BY permission")
                .param("ids", roles.stream().map(RoleView::id).toList())
                .query((rs, n) -> permissions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return roles.stream()
                .map(r -> new RoleView(r.id(), r.organizationId(), r.name(), r.description(), r.system(), r.version(),
                        List.copyOf(permissions.getOrDefault(r.id(), List.of())), r.createdAt(), r.updatedAt()))
                .toList();
    }

    private static RoleView role(ResultSet rs, List<String> permissions) throws SQLException {
        return new RoleView(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"),
                rs.getString("description"), rs.getBoolean("system"), rs.getLong("version"), permissions,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
