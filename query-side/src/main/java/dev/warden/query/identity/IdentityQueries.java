package dev.warden.query.identity;

import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the identity tables. */
@Repository
public class IdentityQueries {

    private final JdbcClient jdbc;

    IdentityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrganizationView> organization(String id) {
        return jdbc.sql("SELECT id, name, created_at FROM organizations WHERE id = ?")
                .param(id)
                .query((rs, n) -> new OrganizationView(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    public Optional<UserView> user(String id) {
        return jdbc.sql("SELECT id, email, display_name, status, created_at FROM users WHERE id = ?")
                .param(id)
                .query((rs, n) -> new UserView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** Members of an organization by user id, without their roles. */
    public Page<MemberView> members(String organizationId, PageRequest page) {
        List<MemberView> rows = jdbc.sql("""
                        SELECT m.user_id, m.id, u.email, u.display_name, m.created_at
                        FROM members m LEFT JOIN users u ON u.id = m.user_id
                        WHERE m.organization_id = ? AND m.user_id > ?
                        ORDER BY m.user_id LIMIT ?""")
                .params(organizationId, page.after() == null ? "" : page.after(), page.fetchSize())
                .query((rs, n) -> new MemberView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), List.of()))
                .list();
        return page.page(rows, MemberView::userId);
    }

    /** One member of an organization, without roles. */
    public Optional<MemberView> member(String organizationId, String userId) {
        return jdbc.sql("""
                        SELECT m.user_id, m.id, u.email, u.display_name, m.created_at
                        FROM members m LEFT JOIN users u ON u.id = m.user_id
                        WHERE m.organization_id = ? AND m.user_id = ?""")
                .params(organizationId, userId)
                .query((rs, n) -> new MemberView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), List.of()))
                .optional();
    }
}
