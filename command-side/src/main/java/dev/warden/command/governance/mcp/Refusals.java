package dev.warden.command.governance.mcp;

import dev.warden.events.governance.Decision;
import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Outcome;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a refused call is answered to the agent: a JSON-RPC error whose {@code data} a program can read
 * (the decision, the policy, version and rule that decided, the reason, or the approval to wait for).
 * The agent is answered at once, never kept waiting for an approval.
 */
final class Refusals {

    private Refusals() {
    }

    /** The error answering request {@code id} refused by {@code decision} (an outcome that does not proceed). */
    static ObjectNode of(JsonNode id, Decision decision) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decision", decision.outcome().wire());
        data.put("decisionId", decision.decisionId());
        data.put("agentSessionId", decision.agentSessionId());
        if (decision.outcome() == Outcome.APPROVAL_REQUIRED) {
            data.put("approvalId", decision.approvalId());
            data.put("expiresAt", decision.approvalExpiresAt());
            ruleOf(decision, data);
            return JsonRpc.error(id, JsonRpc.APPROVAL_REQUIRED, "Approval required: the call waits for approval "
                    + decision.approvalId() + "; send the same call again once it is granted", data);
        }
        ruleOf(decision, data);
        data.put("reason", decision.reason());
        String message = decision.reason() == null ? "Denied"
                : decision.reason().startsWith("Denied") ? decision.reason() : "Denied: " + decision.reason();
        return JsonRpc.error(id, stateRefused(decision) ? JsonRpc.UNAVAILABLE : JsonRpc.DENIED, message, data);
    }

    /** A refusal of the decision itself (a malformed call, a server gone) as the agent's error. */
    static ObjectNode of(JsonNode id, DomainException refusal) {
        int code = refusal.code().kind() == ErrorCode.Kind.INVALID ? JsonRpc.INVALID_PARAMS : JsonRpc.UNAVAILABLE;
        return JsonRpc.error(id, code, refusal.getMessage(), Map.of("code", refusal.code().name()));
    }

    /**
     * The error answering request {@code id} when a kill switch stops all traffic, not only tool calls:
     * the server is suspended or deregistered, or the agent session ({@code agentSessionId}, null before
     * one is open) ended; {@code reason} says which, as a decision would.
     */
    static ObjectNode unavailable(JsonNode id, String agentSessionId, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decision", Outcome.DENY.wire());
        data.put("agentSessionId", agentSessionId);
        data.put("reason", reason);
        return JsonRpc.error(id, JsonRpc.UNAVAILABLE, reason, data);
    }

    /** Whether the server's or the session's state refused the call rather than a rule, the default or a held tool. */
    static boolean stateRefused(Decision decision) {
        return decision.basis() == DecisionBasis.SERVER || decision.basis() == DecisionBasis.SESSION;
    }

    private static void ruleOf(Decision decision, Map<String, Object> data) {
        data.put("policyId", decision.policyId());
        data.put("policyVersion", decision.policyVersion());
        data.put("rule", decision.ruleName());
    }
}
