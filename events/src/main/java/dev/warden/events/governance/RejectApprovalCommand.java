package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member denies a pending approval; identical calls in the session are denied.
 */
public record RejectApprovalCommand(@TargetAggregateIdentifier String agentSessionId,
                                    String organizationId,
                                    String approvalId,
                                    String decidedBy,
                                    String reason) implements OrganizationScoped {
}
