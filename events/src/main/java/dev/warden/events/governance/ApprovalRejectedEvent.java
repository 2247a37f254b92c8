package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * An approval was denied: identical calls in the session are denied.
 */
@Revision("1")
public record ApprovalRejectedEvent(String agentSessionId,
                                    String organizationId,
                                    String approvalId,
                                    String decidedBy,
                                    String reason) {
}
