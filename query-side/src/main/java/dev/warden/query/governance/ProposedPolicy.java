package dev.warden.query.governance;

import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import java.util.List;

/**
 * A policy a dry run evaluates in place of the current version of {@code policyId}, or, without one, as a new
 * policy beside the organization's others. A field left out keeps the replaced policy's value; for a new
 * policy, {@code priority} is needed, the mode is {@code enforce} and it is enabled unless said otherwise.
 */
public record ProposedPolicy(String policyId, PolicyMode mode, Integer priority, Boolean enabled,
                             List<PolicyRule> rules) {
}
