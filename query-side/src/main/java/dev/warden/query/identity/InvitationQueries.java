package dev.warden.query.identity;

import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of invitations: an organization's own, newest first, and the pending ones addressed to a
 * user (by id, or by their current email, compared ignoring case).
 */
@Repository
public class InvitationQueries {

    /**
     * The page {@code i} of invitations, with the organization's name and the status by the database
     * clock. The page is cut first and each of its rows looks its organization up by primary key
     * ({@code OFFSET 0} keeps the lookup per row): a join may hash every organization for a page.
     */
    private static final String VIEW = """
            SELECT i.id, i.organization_id, o.name, i.user_id, i.email, i.invited_by, i.created_at, i.expires_at,
                   CASE WHEN i.status = 'pending' AND i.expires_at <= now() THEN 'expired' ELSE i.status END AS status
            FROM (%s) i
            CROSS JOIN LATERAL (SELECT o.name FROM organizations o WHERE o.id = i.organization_id OFFSET 0) o
            ORDER BY i.created_at DESC, i.id DESC""";

    /** Pending and unexpired (what a user may still answer), from the cursor on. */
    private static final String OPEN = "status = 'pending' AND expires_at > now() AND " + NewestFirst.FROM_CURSOR;

    private final JdbcClient jdbc;

    InvitationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's invitations, newest first. */
    public Page<InvitationView> ofOrganization(String organizationId, PageRequest page) {
        return page(jdbc.sql(VIEW.formatted("SELECT * FROM invitations WHERE organization_id = :org AND "
                        + NewestFirst.FROM_CURSOR))
                .param("org", organizationId), page);
    }

    /**
     * Pending, unexpired invitations addressed to the user, newest first. Those addressed by id and
     * those addressed by email are each read from their own index in page order and merged.
     */
    public Page<InvitationView> addressedTo(String userId, PageRequest page) {
        String byId = "SELECT * FROM invitations WHERE user_id = :user AND " + OPEN;
        String byEmail = "SELECT * FROM invitations WHERE lower(email) = (SELECT lower(u.email) FROM users u"
                + " WHERE u.id = :user) AND " + OPEN;
        return page(jdbc.sql(VIEW.formatted("SELECT * FROM ((" + byId + ") UNION ALL (" + byEmail + ")) addressed"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit"))
                .param("user", userId), page);
    }

    private static Page<InvitationView> page(JdbcClient.StatementSpec statement, PageRequest page) {
        List<InvitationView> rows = NewestFirst.bind(statement, page)
                .query((rs, n) -> view(rs))
                .list();
        return page.page(rows, i -> NewestFirst.key(i.createdAt(), i.id()));
    }

    private static InvitationView view(ResultSet rs) throws SQLException {
        return new InvitationView(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"),
                rs.getString("user_id"), rs.getString("email"), rs.getString("status"), rs.getString("invited_by"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"));
    }
}
