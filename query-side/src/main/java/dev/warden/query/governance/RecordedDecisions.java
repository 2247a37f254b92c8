package dev.warden.query.governance;

import dev.warden.query.support.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The decisions of an organization in a time range, oldest first, for a dry run: read in batches of
 * {@value #BATCH} by keyset on the index of the organization's decisions, so a range of any size is never
 * held in memory at once and no batch reads more than it returns.
 */
@Repository
class RecordedDecisions {

    static final int BATCH = 500;

    private final JdbcClient jdbc;

    RecordedDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hands {@code each} decision of the organization made from {@code from} (inclusive) to {@code to} (exclusive). */
    void forEach(String organizationId, Instant from, Instant to, Consumer<RecordedDecision> each) {
        Timestamp afterAt = Timestamp.from(from);
        String afterId = "";
        while (true) {
            List<RecordedDecision> batch = jdbc.sql("""
                            SELECT * FROM decisions
                            WHERE organization_id = :org AND decided_at < :to
                              AND (decided_at, id) > (:afterAt, :afterId)
                            ORDER BY decided_at, id LIMIT :batch""")
                    .param("org", organizationId)
                    .param("to", Timestamp.from(to))
                    .param("afterAt", afterAt)
                    .param("afterId", afterId)
                    .param("batch", BATCH)
                    .query((rs, n) -> decision(rs))
                    .list();
            batch.forEach(each);
            if (batch.size() < BATCH) {
                return;
            }
            RecordedDecision last = batch.get(batch.size() - 1);
            afterAt = Timestamp.from(last.decidedAt());
            afterId = last.id();
        }
    }

    private static RecordedDecision decision(ResultSet rs) throws SQLException {
        int version = rs.getInt("policy_version");
        Integer policyVersion = rs.wasNull() ? null : version;
        return new RecordedDecision(rs.getString("id"), rs.getString("agent_session_id"),
                rs.getString("mcp_server_id"), rs.getString("tool_name"), rs.getString("arguments_hash"),
                rs.getString("arguments_ciphertext"), rs.getString("user_id"), rs.getString("api_key_id"),
                rs.getString("ai_system_id"), GovernanceJson.read(rs.getString("role_ids"), GovernanceJson.IDS),
                Wire.outcome(rs.getString("outcome")), Wire.basis(rs.getString("basis")), rs.getString("policy_id"),
                policyVersion, rs.getString("rule_name"), rs.getString("reason"), Rows.instant(rs, "decided_at"));
    }
}
