package dev.warden.events.governance;

import java.time.Instant;

/**
 * The answer to {@link DecideToolCallCommand}: the outcome and what decided it. {@code policyId},
 * {@code policyVersion} and {@code ruleName} are null when no rule decided (the default, a suspended
 * server, a held tool, an ended session). {@code approvalId} and {@code approvalExpiresAt} name the
 * approval a call waits for or followed; {@code monitoredEffect} what a monitor-mode rule would have done; {@code basis} what decided.
 */
public record Decision(String decisionId,
                       String agentSessionId,
                       String mcpServerId,
                       String toolName,
                       String argumentsHash,
                       Outcome outcome,
                       String policyId,
                       Integer policyVersion,
                       String ruleName,
                       Effect monitoredEffect,
                       String approvalId,
                       Instant approvalExpiresAt,
                       String reason,
                       DecisionBasis basis) {
}
