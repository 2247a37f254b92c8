package dev.warden.query.governance;

import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import dev.warden.query.support.TextParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of an organization's agent sessions and approvals, newest first. Another organization's are never seen. */
@Repository
public class AgentSessionQueries {

    /** The statuses of a session, as a {@code status} filter takes them. */
    public static final List<String> SESSION_STATUSES = List.of("open", "terminated", "closed");
    /** The statuses of an approval, as a {@code status} filter takes them. */
    public static final List<String> APPROVAL_STATUSES = List.of("pending", "granted", "rejected", "expired");

    private final JdbcClient jdbc;

    AgentSessionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A session {@code status} query parameter: {@code null} when absent, refused when not a status. */
    public static String sessionStatus(String value) {
        return TextParameters.oneOf("status", value, SESSION_STATUSES);
    }

    /** An approval {@code status} query parameter: {@code null} when absent, refused when not a status. */
    public static String approvalStatus(String value) {
        return TextParameters.oneOf("status", value, APPROVAL_STATUSES);
    }

    /** The organization's sessions, newest first, optionally of one status. */
    public Page<AgentSessionView> sessions(String organizationId, String status, PageRequest page) {
        return page.page(newestFirst("agent_sessions", organizationId, status, page, (rs, n) -> session(rs)),
                s -> NewestFirst.key(s.openedAt(), s.id()));
    }

    /** One session, if it is the organization's. */
    public Optional<AgentSessionView> session(String organizationId, String sessionId) {
        return jdbc.sql("SELECT * FROM agent_sessions WHERE id = ? AND organization_id = ?")
                .params(sessionId, organizationId)
                .query((rs, n) -> session(rs))
                .optional();
    }

    /** The organization's approvals, newest first, optionally of one status ({@code pending} for reviewers). */
    public Page<ApprovalView> approvals(String organizationId, String status, PageRequest page) {
        return page.page(newestFirst("approvals", organizationId, status, page, (rs, n) -> approval(rs)),
                a -> NewestFirst.key(a.requestedAt(), a.id()));
    }

    /** One approval, if it is the organization's. */
    public Optional<ApprovalView> approval(String organizationId, String approvalId) {
        return jdbc.sql("SELECT * FROM approvals WHERE id = ? AND organization_id = ?")
                .params(approvalId, organizationId)
                .query((rs, n) -> approval(rs))
                .optional();
    }

    /**
     * A page of {@code table}'s rows of the organization, newest first, optionally of one status. The status is
     * written into the statement only when asked for, so the statement is the leading columns of one index in
     * page order.
     */
    private <T> List<T> newestFirst(String table, String organizationId, String status, PageRequest page,
                                    RowMapper<T> row) {
        return NewestFirst.bind(jdbc.sql("SELECT * FROM " + table + " WHERE organization_id = :org"
                        + (status == null ? "" : " AND status = :status") + " AND " + NewestFirst.FROM_CURSOR)
                .param("org", organizationId)
                .param("status", status), page)
                .query(row)
                .list();
    }

    private static AgentSessionView session(ResultSet rs) throws SQLException {
        return new AgentSessionView(rs.getString("id"), rs.getString("organization_id"), rs.getString("mcp_server_id"),
                rs.getString("agent_name"), rs.getString("api_key_id"), rs.getString("user_id"),
                rs.getString("ai_system_id"), rs.getString("status"), rs.getBoolean("idle"),
                rs.getString("end_reason"), rs.getLong("allowed"), rs.getLong("denied"), rs.getLong("alerted"),
                rs.getLong("held"), Rows.instant(rs, "last_activity"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "ended_at"), Rows.instant(rs, "updated_at"));
    }

    private static ApprovalView approval(ResultSet rs) throws SQLException {
        int version = rs.getInt("policy_version");
        Integer policyVersion = rs.wasNull() ? null : version;
        return new ApprovalView(rs.getString("id"), rs.getString("organization_id"),
                rs.getString("agent_session_id"), rs.getString("decision_id"), rs.getString("mcp_server_id"),
                rs.getString("tool_name"), rs.getString("arguments_hash"), rs.getString("policy_id"), policyVersion,
                rs.getString("rule_name"), rs.getString("status"), Rows.instant(rs, "expires_at"),
                rs.getString("decided_by"), rs.getString("reason"), Rows.instant(rs, "decided_at"),
                Rows.instant(rs, "created_at"));
    }
}
