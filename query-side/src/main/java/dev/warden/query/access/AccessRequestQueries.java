package dev.warden.query.access;

import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import dev.warden.query.support.TextParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of an organization's access requests. Another organization's requests are never seen. */
@Repository
public class AccessRequestQueries {

    /** The statuses a request can have, in the order they are listed in errors. */
    public static final List<String> STATUSES = List.of("pending", "approved", "denied", "cancelled", "expired");


    private final JdbcClient jdbc;

    AccessRequestQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A {@code status} query parameter: {@code null} when absent, refused when not a status. */
    public static String status(String value) {
        return TextParameters.oneOf("status", value, STATUSES);
    }

    /**
     * The organization's requests, newest first, optionally only those of one status. A status is
     * written into the statement only when asked for, so it is always a condition of the index on
     * (organization, status, created_at, id), never a filter over the organization's other requests.
     */
    public Page<AccessRequestView> requests(String organizationId, String status, PageRequest page) {
        String ofStatus = status == null ? "" : " AND status = :status";
        List<AccessRequestView> rows = NewestFirst.bind(jdbc.sql(
                        "SELECT * FROM access_requests WHERE organization_id = :org" + ofStatus + " AND "
                                + NewestFirst.FROM_CURSOR)
                .param("org", organizationId)
                .param("status", status), page)
                .query((rs, n) -> view(rs))
                .list();
        return page.page(rows, r -> NewestFirst.key(r.createdAt(), r.id()));
    }

    /** One request, if it is the organization's. */
    public Optional<AccessRequestView> request(String organizationId, String requestId) {
        return jdbc.sql("SELECT * FROM access_requests WHERE organization_id = ? AND id = ?")
                .params(organizationId, requestId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static AccessRequestView view(ResultSet rs) throws SQLException {
        return new AccessRequestView(rs.getString("id"), rs.getString("organization_id"),
                rs.getString("requester_id"), rs.getString("role_id"), rs.getString("justification"),
                rs.getString("status"), Rows.instant(rs, "expires_at"), rs.getString("decided_by"),
                rs.getString("decision_reason"), Rows.instant(rs, "decided_at"), Rows.instant(rs, "created_at"));
    }
}
