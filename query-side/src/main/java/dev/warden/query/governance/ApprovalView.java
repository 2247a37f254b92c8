package dev.warden.query.governance;

import java.time.Instant;

/**
 * An approval of a held call: the call it is bound to (session, server, tool, hash of the arguments), the
 * rule that asked for it, and whether it is {@code pending} (until {@code expiresAt}), {@code granted},
 * {@code rejected} or {@code expired}, by whom and why.
 */
public record ApprovalView(String id, String organizationId, String agentSessionId, String decisionId,
                           String mcpServerId, String toolName, String argumentsHash, String policyId,
                           Integer policyVersion, String ruleName, String status, Instant expiresAt,
                           String decidedBy, String reason, Instant decidedAt, Instant requestedAt) {
}
