package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Disables a policy: its rules take no part in decisions.
 */
public record DisablePolicyCommand(@TargetAggregateIdentifier String policyId,
                                   String organizationId) implements OrganizationScoped {
}
