package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts a policy's rules in a new order, named by rule name: every rule once. A new version.
 */
public record ReorderPolicyRulesCommand(@TargetAggregateIdentifier String policyId,
                                        String organizationId,
                                        List<String> ruleNames,
                                        Integer expectedVersion) implements OrganizationScoped {
}
