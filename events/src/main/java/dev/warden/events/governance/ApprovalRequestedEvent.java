package dev.warden.events.governance;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A decision required approval: the approval is bound to this exact call (server, tool, hash of the
 * arguments) in this session and waits for a member until {@code expiresAt}.
 */
@Revision("1")
public record ApprovalRequestedEvent(String agentSessionId,
                                     String organizationId,
                                     String approvalId,
                                     String decisionId,
                                     String mcpServerId,
                                     String toolName,
                                     String argumentsHash,
                                     String policyId,
                                     Integer policyVersion,
                                     String ruleName,
                                     Instant expiresAt) {
}
