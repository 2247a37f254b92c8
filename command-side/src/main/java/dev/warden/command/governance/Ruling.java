package dev.warden.command.governance;

import dev.warden.events.governance.Decision;
import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.PolicySet;
import dev.warden.events.shared.IdKind;
import java.time.Instant;

/**
 * What decided a tool call, before it is recorded: the outcome, the rule (policy, version, rule name;
 * null when no rule decided), the approval the call waits for or followed, and the reason in a
 * sentence. The session's and the server's standing come first, then the session's approvals of the
 * same call, then the organization's rules.
 */
record Ruling(Outcome outcome, String policyId, Integer policyVersion, String ruleName, Effect monitoredEffect,
              String approvalId, Instant approvalExpiresAt, String reason, DecisionBasis basis) {

    /** A call that no rule decided: the session's or the server's state. */
    static Ruling deny(String reason, DecisionBasis basis) {
        return new Ruling(Outcome.DENY, null, null, null, null, null, null, reason, basis);
    }

    /** The session's state, when it was ended; {@code null} while it is open. */
    static Ruling ofEnded(AgentSession.Status status, boolean idle, String terminationReason) {
        return switch (status) {
            case OPEN -> null;
            case TERMINATED -> deny("Denied: the agent session was terminated: " + terminationReason, DecisionBasis.SESSION);
            case CLOSED -> deny(idle ? "Denied: the agent session was closed for inactivity"
                    : "Denied: the agent session was closed", DecisionBasis.SESSION);
        };
    }

    /** The server's standing: {@code null} when it lets the call through to the approvals and rules. */
    static Ruling ofServer(ServerGate.ServerState server, String toolName) {
        if (server.status() != ServerGate.Status.ACTIVE) {
            return deny(server.refusal(), DecisionBasis.SERVER);
        }
        return server.held().contains(toolName)
                ? deny("Denied: tool '" + toolName + "' is held: its definition changed and waits for a"
                + " member's approval", DecisionBasis.HELD_TOOL)
                : null;
    }

    /** A granted approval of the same call lets it through. */
    static Ruling granted(String approvalId) {
        return new Ruling(Outcome.ALLOW, null, null, null, null, approvalId, null,
                "Allowed: approval " + approvalId + " was granted for this exact call", DecisionBasis.APPROVAL);
    }

    /** A denied approval of the same call stops it. */
    static Ruling rejected(String approvalId) {
        return new Ruling(Outcome.DENY, null, null, null, null, approvalId, null,
                "Denied: approval " + approvalId + " was denied for this exact call", DecisionBasis.APPROVAL);
    }

    /** The same call waits for the approval it opened before. */
    static Ruling pending(String approvalId, Instant expiresAt) {
        return new Ruling(Outcome.APPROVAL_REQUIRED, null, null, null, null, approvalId, expiresAt,
                "Waiting: approval " + approvalId + " of this exact call is pending until " + expiresAt,
                DecisionBasis.APPROVAL);
    }

    /**
     * What the rules said; a rule that requires approval opens an approval named after {@code decisionId}
     * (the decision's own id under the approval prefix), waiting until {@code expiresAt}.
     */
    static Ruling ofRules(PolicySet.Verdict verdict, String decisionId, Instant expiresAt) {
        String approvalId = IdKind.APPROVAL.prefix() + decisionId.substring(decisionId.indexOf('_'));
        return switch (verdict.effect()) {
            case ALLOW -> ruled(Outcome.ALLOW, verdict, null, null, verdict.reason());
            case ALERT -> ruled(Outcome.ALERT, verdict, null, null, verdict.reason());
            case DENY -> ruled(Outcome.DENY, verdict, null, null, verdict.reason());
            case REQUIRE_APPROVAL -> ruled(Outcome.APPROVAL_REQUIRED, verdict, approvalId, expiresAt,
                    verdict.reason() + "; approval " + approvalId + " waits for a member until " + expiresAt);
        };
    }

    private static Ruling ruled(Outcome outcome, PolicySet.Verdict verdict, String approvalId, Instant expiresAt,
                                String reason) {
        return new Ruling(outcome, verdict.policyId(), verdict.policyVersion(), verdict.ruleName(),
                verdict.monitoredEffect(), approvalId, expiresAt, reason,
                verdict.ruleName() == null ? DecisionBasis.DEFAULT : DecisionBasis.RULE);
    }

    /** The answer of {@code decisionId} about {@code toolName}. */
    Decision answer(String decisionId, String agentSessionId, String mcpServerId, String toolName,
                    String argumentsHash) {
        return new Decision(decisionId, agentSessionId, mcpServerId, toolName, argumentsHash, outcome, policyId,
                policyVersion, ruleName, monitoredEffect, approvalId, approvalExpiresAt, reason, basis);
    }
}
