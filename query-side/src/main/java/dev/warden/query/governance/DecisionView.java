package dev.warden.query.governance;

import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * A decision on a tool call: the caller, the tool, the hash of the arguments (never the arguments), the
 * outcome and what gave it: its {@code basis} (a rule, the default, the session's or server's state, a held
 * tool, an approval) and the policy, version and rule (all null but for a rule), what a monitor-mode rule
 * would have done, and the approval involved.
 */
public record DecisionView(String id, String organizationId, String agentSessionId, String mcpServerId,
                           String toolName, String argumentsHash, String userId, String apiKeyId, String aiSystemId,
                           List<String> roleIds, Outcome outcome, DecisionBasis basis, String policyId,
                           Integer policyVersion,
                           String ruleName, Effect monitoredEffect, String approvalId, String reason,
                           Instant decidedAt) {
}
