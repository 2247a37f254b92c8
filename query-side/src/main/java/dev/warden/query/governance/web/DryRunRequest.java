package dev.warden.query.governance.web;

import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.query.governance.ProposedPolicy;
import java.time.Instant;
import java.util.List;

/**
 * The body of a dry run: the proposed policy (the {@code policyId} it replaces, or a new one's fields as a
 * create takes them; {@code name} and {@code description} are accepted and play no part), the time range
 * of the decisions to evaluate again, and how many examples each change shows (at most 20, 5 if not given).
 */
record DryRunRequest(String policyId, String name, String description, PolicyMode mode, Integer priority,
                     Boolean enabled, List<PolicyRule> rules, Instant from, Instant to, Integer examples) {

    ProposedPolicy proposed() {
        return new ProposedPolicy(policyId, mode, priority, enabled, rules);
    }
}
