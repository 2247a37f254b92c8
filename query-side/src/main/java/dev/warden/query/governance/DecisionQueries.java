package dev.warden.query.governance;

import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import dev.warden.query.support.TextParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the decisions of an organization and of one session, newest first by the time they were made.
 * Another organization's are never seen, and no read returns the arguments, only their hash.
 */
@Repository
public class DecisionQueries {

    /** {@link NewestFirst#FROM_CURSOR} on the decision time. */
    private static final String FROM_CURSOR = NewestFirst.FROM_CURSOR.replace("created_at", "decided_at");

    private final JdbcClient jdbc;

    DecisionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An {@code outcome} query parameter: {@code null} when absent, refused when not an outcome's wire name. */
    public static String outcome(String value) {
        return TextParameters.oneOf("outcome", value, Wire.OUTCOMES);
    }

    /**
     * The organization's decisions, newest first, optionally of one outcome and made from {@code from}
     * (inclusive) to {@code to} (exclusive). Each filter is written into the statement only when asked for;
     * the statement is the leading columns of one index in page order, bounded by the times given.
     */
    public Page<DecisionView> ofOrganization(String organizationId, String outcome, Instant from, Instant to,
                                             PageRequest page) {
        String conditions = (outcome == null ? "" : " AND outcome = :outcome")
                + (from == null ? "" : " AND decided_at >= :from") + (to == null ? "" : " AND decided_at < :to");
        return list(NewestFirst.bind(jdbc.sql("SELECT * FROM decisions WHERE organization_id = :org" + conditions
                        + " AND " + FROM_CURSOR)
                .param("org", organizationId)
                .param("outcome", outcome)
                .param("from", Rows.timestamp(from))
                .param("to", Rows.timestamp(to)), page), page);
    }

    /**
     * A session's decisions, newest first. The organization is checked on the session's row, so the page is
     * read from the index of the session's decisions in page order.
     */
    public Page<DecisionView> ofSession(String organizationId, String sessionId, PageRequest page) {
        return list(NewestFirst.bind(jdbc.sql("SELECT * FROM decisions WHERE agent_session_id = :session"
                        + " AND EXISTS (SELECT 1 FROM agent_sessions WHERE id = :session AND organization_id = :org)"
                        + " AND " + FROM_CURSOR)
                .param("session", sessionId)
                .param("org", organizationId), page), page);
    }

    /** One decision, if it is the organization's. */
    public Optional<DecisionView> decision(String organizationId, String decisionId) {
        return jdbc.sql("SELECT * FROM decisions WHERE id = ? AND organization_id = ?")
                .params(decisionId, organizationId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static Page<DecisionView> list(JdbcClient.StatementSpec statement, PageRequest page) {
        List<DecisionView> rows = statement.query((rs, n) -> view(rs)).list();
        return page.page(rows, d -> NewestFirst.key(d.decidedAt(), d.id()));
    }

    private static DecisionView view(ResultSet rs) throws SQLException {
        int version = rs.getInt("policy_version");
        Integer policyVersion = rs.wasNull() ? null : version;
        return new DecisionView(rs.getString("id"), rs.getString("organization_id"), rs.getString("agent_session_id"),
                rs.getString("mcp_server_id"), rs.getString("tool_name"), rs.getString("arguments_hash"),
                rs.getString("user_id"), rs.getString("api_key_id"), rs.getString("ai_system_id"),
                GovernanceJson.read(rs.getString("role_ids"), GovernanceJson.IDS),
                Wire.outcome(rs.getString("outcome")), Wire.basis(rs.getString("basis")), rs.getString("policy_id"),
                policyVersion, rs.getString("rule_name"),
                Wire.effect(rs.getString("monitored_effect")), rs.getString("approval_id"), rs.getString("reason"),
                Rows.instant(rs, "decided_at"));
    }
}
