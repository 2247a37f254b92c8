package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces a policy's rules; the result is a new version, the earlier ones are kept in the log.
 * {@code expectedVersion}, when given, must be the current version (else a conflict).
 */
public record ChangePolicyRulesCommand(@TargetAggregateIdentifier String policyId,
                                       String organizationId,
                                       List<PolicyRule> rules,
                                       Integer expectedVersion) implements OrganizationScoped {
}
