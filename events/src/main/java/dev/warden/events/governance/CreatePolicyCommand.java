package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a policy: an ordered list of rules, evaluated with the organization's other enabled policies
 * in order of {@code priority} (lower first, then creation). {@code mode} is {@code enforce} or
 * {@code monitor}. Rules are checked on write (see {@link PolicyRule}); the policy starts enabled at
 * version 1.
 */
public record CreatePolicyCommand(@TargetAggregateIdentifier String policyId,
                                  String organizationId,
                                  String name,
                                  String description,
                                  PolicyMode mode,
                                  Integer priority,
                                  List<PolicyRule> rules) implements OrganizationScoped {

    /** The priority of a policy created without one (lower goes first). */
    public static final int DEFAULT_PRIORITY = 100;
}
