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

    private static final String COLUMNS = """
            i.id, i.organization_id, o.name, i.user_id, i.email, i.invited_by, i.created_at, i.expires_at,
            CASE WHEN i.status = 'pending' AND i.expires_at <= now() THEN 'expired' ELSE i.status END AS status
            FROM invitations i JOIN organizations o ON o.id = i.organization_id""";

    private final JdbcClient jdbc;

    InvitationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's invitations, newest first. */
    public Page<InvitationView> ofOrganization(String organizationId, PageRequest page) {
        List<InvitationView> rows = NewestFirst.bind(jdbc.sql("SELECT " + COLUMNS + """
                         WHERE i.organization_id = :org
                          AND (CAST(:before AS timestamptz) IS NULL OR (i.created_at, i.id) < (:before, :id))
                        ORDER BY i.created_at DESC, i.id DESC LIMIT :limit""")
                .param("org", organizationId), page)
                .query((rs, n) -> view(rs))
                .list();
        return page.page(rows, i -> NewestFirst.key(i.createdAt(), i.id()));
    }

    /** Pending, unexpired invitations addressed to the user, newest first. */
    public Page<InvitationView> addressedTo(String userId, PageRequest page) {
        List<InvitationView> rows = NewestFirst.bind(jdbc.sql("SELECT " + COLUMNS + """
                         WHERE i.status = 'pending' AND i.expires_at > now()
                          AND (i.user_id = :user
                               OR lower(i.email) = (SELECT lower(u.email) FROM users u WHERE u.id = :user))
                          AND (CAST(:before AS timestamptz) IS NULL OR (i.created_at, i.id) < (:before, :id))
                        ORDER BY i.created_at DESC, i.id DESC LIMIT :limit""")
                .param("user", userId), page)
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
