package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A pending approval expired undecided; an identical call needs a new approval.
 */
@Revision("1")
public record ApprovalExpiredEvent(String agentSessionId,
                                   String organizationId,
                                   String approvalId) {
}
