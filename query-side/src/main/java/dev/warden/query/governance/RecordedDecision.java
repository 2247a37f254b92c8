package dev.warden.query.governance;

import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.PolicySet;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** A decision as a dry run reads it: the call (its arguments still sealed), what was answered and on what basis. */
record RecordedDecision(String id, String agentSessionId, String mcpServerId, String toolName, String argumentsHash,
                        String sealedArguments, String userId, String apiKeyId, String aiSystemId,
                        List<String> roleIds, Outcome outcome, DecisionBasis basis, String policyId,
                        Integer policyVersion, String ruleName, String reason, Instant decidedAt) {

    /**
     * Whether a rule or the default gave this decision, so a proposed policy may give another. A server's
     * or session's state (suspended, held tool, ended session) and an approval decide before any rule;
     * those decisions stand as recorded.
     */
    boolean decidedByRules() {
        return basis != null && basis.byRules();
    }

    /** The call again, with its opened arguments, as the rules see it. */
    PolicySet.Call call(Map<String, Object> arguments) {
        return new PolicySet.Call(mcpServerId, toolName, arguments, userId, apiKeyId, aiSystemId,
                new HashSet<>(roleIds));
    }
}
