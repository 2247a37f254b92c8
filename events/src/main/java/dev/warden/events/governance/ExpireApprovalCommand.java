package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent at an approval's expiry: expires it if it is still pending, else does nothing.
 */
public record ExpireApprovalCommand(@TargetAggregateIdentifier String agentSessionId,
                                    String organizationId,
                                    String approvalId) implements OrganizationScoped {
}
