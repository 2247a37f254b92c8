package dev.warden.query.governance;

import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import java.util.List;

/**
 * A policy a dry run evaluates in place of the current version of {@code policyId}, or, without one, as a new
 * policy beside the organization's others. A field left out keeps the replaced policy's value; a new policy
 * is, unless said otherwise, of priority 100 (as a created one), in {@code enforce} mode and enabled.
 */
public record ProposedPolicy(String policyId, PolicyMode mode, Integer priority, Boolean enabled,
                             List<PolicyRule> rules) {
}
