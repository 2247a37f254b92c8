package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member approves a pending approval before it expires; identical calls in the session are then allowed.
 */
public record GrantApprovalCommand(@TargetAggregateIdentifier String agentSessionId,
                                   String organizationId,
                                   String approvalId,
                                   String decidedBy,
                                   String reason) implements OrganizationScoped {
}
