package dev.warden.query.identity;

import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import dev.warden.query.support.SortKey;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of users, their linked accounts, organizations and memberships. */
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
        return jdbc.sql("""
                        SELECT id, email, display_name, status, has_password, totp_enabled, operator, created_at, erased_at
                        FROM users WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new UserView(rs.getString("id"), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("status"), rs.getBoolean("has_password"),
                        rs.getBoolean("totp_enabled"), rs.getBoolean("operator"), Rows.instant(rs, "created_at"),
                        rs.getTimestamp("erased_at") != null))
                .optional();
    }

    /** One page of the external identities linked to a user, by provider (never a space) and account. */
    public Page<AccountView> accounts(String userId, PageRequest page) {
        SortKey after = SortKey.after(page);
        List<AccountView> rows = jdbc.sql("""
                        SELECT id, provider, provider_account_id, created_at FROM accounts
                        WHERE user_id = ? AND (provider, provider_account_id) > (?, ?)
                        ORDER BY provider, provider_account_id LIMIT ?""")
                .params(userId, after.head(), after.tail(), page.fetchSize())
                .query((rs, n) -> new AccountView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        return page.page(rows, a -> SortKey.of(a.provider(), a.providerAccountId()));
    }

    /** One page of the organizations a user belongs to, by name, each with the roles the user holds there. */
    public Page<MembershipView> memberships(String userId, PageRequest page) {
        SortKey after = SortKey.after(page);
        List<MembershipView> rows = jdbc.sql("""
                        SELECT o.id, o.name, m.id AS member_id, m.created_at,
                               ARRAY(SELECT ur.role_id FROM user_roles ur
                                     WHERE ur.organization_id = m.organization_id AND ur.user_id = m.user_id
                                     ORDER BY ur.role_id) AS role_ids
                        FROM members m JOIN organizations o ON o.id = m.organization_id
                        WHERE m.user_id = ? AND (o.name, o.id) > (?, ?)
                        ORDER BY o.name, o.id LIMIT ?""")
                .params(userId, after.tail(), after.head(), page.fetchSize())
                .query((rs, n) -> new MembershipView(rs.getString("id"), rs.getString("name"),
                        rs.getString("member_id"), Rows.instant(rs, "created_at"), Rows.texts(rs, "role_ids")))
                .list();
        return page.page(rows, m -> SortKey.of(m.organizationId(), m.name()));
    }

    /**
     * Members of an organization by user id, without their roles. The page is cut before the users
     * are joined: joined first, PostgreSQL may merge the members with every user before the cursor.
     */
    public Page<MemberView> members(String organizationId, PageRequest page) {
        List<MemberView> rows = jdbc.sql("""
                        SELECT m.user_id, m.id, u.email, u.display_name, m.created_at, m.suspended, u.erased_at
                        FROM (SELECT * FROM members WHERE organization_id = ? AND user_id > ?
                              ORDER BY user_id LIMIT ?) m
                        LEFT JOIN users u ON u.id = m.user_id
                        ORDER BY m.user_id""")
                .params(organizationId, page.after() == null ? "" : page.after(), page.fetchSize())
                .query((rs, n) -> new MemberView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getBoolean(6), List.of(), rs.getTimestamp(7) != null))
                .list();
        return page.page(rows, MemberView::userId);
    }

    /** One member of an organization, without roles. */
    public Optional<MemberView> member(String organizationId, String userId) {
        return jdbc.sql("""
                        SELECT m.user_id, m.id, u.email, u.display_name, m.created_at, m.suspended, u.erased_at
                        FROM members m LEFT JOIN users u ON u.id = m.user_id
                        WHERE m.organization_id = ? AND m.user_id = ?""")
                .params(organizationId, userId)
                .query((rs, n) -> new MemberView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getBoolean(6), List.of(), rs.getTimestamp(7) != null))
                .optional();
    }
}
