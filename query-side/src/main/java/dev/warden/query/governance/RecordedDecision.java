package dev.warden.query.governance;

import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.PolicySet;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A decision as a dry run reads it: the call (its arguments still sealed) and what was answered.
 * {@code openedApproval} is true when the decision opened the approval it names (a rule asked for it),
 * false when it followed an approval opened earlier.
 */
record RecordedDecision(String id, String agentSessionId, String mcpServerId, String toolName, String argumentsHash,
                        String sealedArguments, String userId, String apiKeyId, String aiSystemId,
                        List<String> roleIds, Outcome outcome, String policyId, Integer policyVersion,
                        String ruleName, String approvalId, boolean openedApproval, String reason,
                        Instant decidedAt) {

    /** How the reason of a decision the organization's default gave begins ({@link PolicySet#evaluate}). */
    static final String DEFAULT_REASON = "No rule matched";

    /**
     * Whether a rule or the default gave this decision, so a proposed policy may give another. A server's
     * or session's state (suspended, held tool, ended session) and an earlier approval decide before any
     * rule; those decisions stand as recorded.
     */
    boolean decidedByRules() {
        if (approvalId != null && !openedApproval) {
            return false;
        }
        return policyId != null || reason != null && reason.startsWith(DEFAULT_REASON);
    }

    /** The call again, with its opened arguments, as the rules see it. */
    PolicySet.Call call(Map<String, Object> arguments) {
        return new PolicySet.Call(mcpServerId, toolName, arguments, userId, apiKeyId, aiSystemId,
                new HashSet<>(roleIds));
    }
}
