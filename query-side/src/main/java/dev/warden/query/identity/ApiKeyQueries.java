package dev.warden.query.identity;

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

/** Reads of an organization's API keys, never their secret hashes. Another organization's keys are never seen. */
@Repository
public class ApiKeyQueries {

    /** The columns a view is made of; the status is judged by the database clock. */
    private static final String COLUMNS = """
            id, organization_id, name, prefix, scopes, created_by, created_at, expires_at, revoked_at,
            CASE WHEN revoked_at IS NOT NULL THEN 'revoked'
                 WHEN expires_at IS NOT NULL AND expires_at <= now() THEN 'expired'
                 ELSE 'active' END AS status""";

    private final JdbcClient jdbc;

    ApiKeyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's keys, newest first. */
    public Page<ApiKeyView> keys(String organizationId, PageRequest page) {
        List<ApiKeyView> rows = NewestFirst.bind(jdbc.sql("SELECT " + COLUMNS
                        + " FROM api_keys WHERE organization_id = :org AND " + NewestFirst.FROM_CURSOR)
                .param("org", organizationId), page)
                .query((rs, n) -> view(rs))
                .list();
        return page.page(rows, k -> NewestFirst.key(k.createdAt(), k.id()));
    }

    /** One key, if it is the organization's. */
    public Optional<ApiKeyView> key(String organizationId, String keyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE organization_id = ? AND id = ?")
                .params(organizationId, keyId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static ApiKeyView view(ResultSet rs) throws SQLException {
        return new ApiKeyView(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"),
                rs.getString("prefix"), Rows.texts(rs, "scopes"), rs.getString("created_by"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"), Rows.instant(rs, "revoked_at"),
                rs.getString("status"));
    }
}
