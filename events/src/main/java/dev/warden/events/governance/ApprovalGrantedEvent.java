package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * An approval was granted: identical calls in the session are allowed.
 */
@Revision("1")
public record ApprovalGrantedEvent(String agentSessionId,
                                   String organizationId,
                                   String approvalId,
                                   String decidedBy,
                                   String reason) {
}
