package dev.warden.query.governance;

import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.SealedArguments;
import dev.warden.events.governance.ToolCallDecidedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.ReadModelDatabase;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions as the command side records them, for the governance tests: the arguments sealed under the
 * organization's governance data key (the tests' {@link ReadModelDatabase#dataKeys()}), bound to the decision.
 */
final class GovernanceTestData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GovernanceTestData() {
    }

    /** What decided a recorded decision: its basis, and for a rule the policy, version and rule. */
    record By(DecisionBasis basis, String policyId, Integer version, String rule, String approvalId, String reason) {

        static By rule(String policyId, int version, String rule) {
            return new By(DecisionBasis.RULE, policyId, version, rule, null, "Matched rule '" + rule + "'");
        }

        static By defaultEffect(String effect) {
            return new By(DecisionBasis.DEFAULT, null, null, null, null,
                    "No rule matched; the organization's default is " + effect);
        }

        static By state(DecisionBasis basis, String reason) {
            return new By(basis, null, null, null, null, reason);
        }

        static By approval(String approvalId) {
            return new By(DecisionBasis.APPROVAL, null, null, null, approvalId, "Follows approval " + approvalId);
        }

        By opening(String approvalId) {
            return new By(basis, policyId, version, rule, approvalId, reason);
        }
    }

    /** A decision in {@code sessionId} of {@code organizationId} on {@code tool} with {@code arguments}, sealed for it. */
    static ToolCallDecidedEvent decided(String organizationId, String sessionId, String serverId, String tool,
                                        Map<String, Object> arguments, List<String> roleIds, Outcome outcome, By by) {
        String decisionId = IdKind.DECISION.next();
        return new ToolCallDecidedEvent(sessionId, organizationId, decisionId, serverId, tool,
                "sha256-of-" + decisionId, seal(organizationId, sessionId, decisionId, arguments), "usr_caller",
                "key_caller", null, roleIds, outcome, by.policyId(), by.version(), by.rule(), null,
                by.approvalId(), by.reason(), by.basis());
    }

    /** {@code arguments} as JSON sealed as the command side seals a decision's. */
    static SealedArguments seal(String organizationId, String sessionId, String decisionId,
                                Map<String, Object> arguments) {
        byte[] ciphertext = ReadModelDatabase.dataKeys().encrypt(SealedArguments.subject(organizationId),
                JSON.writeValueAsString(arguments), SealedArguments.associatedData(sessionId, decisionId));
        return new SealedArguments(Base64.getEncoder().encodeToString(ciphertext));
    }

    /** Every row of {@code table} whose {@code column} is {@code value}, in a stable order, for before/after comparisons. */
    static List<Map<String, Object>> rows(JdbcClient jdbc, String table, String column, String value) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE " + column + " = ? ORDER BY 1, 2")
                .param(value)
                .query()
                .listOfRows();
    }
}
