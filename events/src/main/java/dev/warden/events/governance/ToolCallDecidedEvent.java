package dev.warden.events.governance;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A tool call was decided. Only the hash of the arguments (SHA-256 of their canonical JSON, hex) and their
 * ciphertext under the organization's governance data key are recorded, never the arguments. The rule that
 * decided is named by policy, version and rule (all null when the default or a server or session state
 * decided); {@code reason} says why in a sentence. {@code monitoredEffect} is what a monitor-mode rule
 * would have answered (the call was allowed). {@code approvalId} names the approval the call waits for or
 * followed. {@code roleIds} are the roles the caller held, so a dry run can evaluate role rules again;
 * {@code basis} says what decided.
 */
@Revision("1")
public record ToolCallDecidedEvent(String agentSessionId,
                                   String organizationId,
                                   String decisionId,
                                   String mcpServerId,
                                   String toolName,
                                   String argumentsHash,
                                   SealedArguments arguments,
                                   String userId,
                                   String apiKeyId,
                                   String aiSystemId,
                                   List<String> roleIds,
                                   Outcome outcome,
                                   String policyId,
                                   Integer policyVersion,
                                   String ruleName,
                                   Effect monitoredEffect,
                                   String approvalId,
                                   String reason,
                                   DecisionBasis basis) {
}
