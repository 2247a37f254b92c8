package dev.warden.query.governance.web;

import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.WrittenRule;
import dev.warden.query.governance.ProposedPolicy;
import java.time.Instant;
import java.util.List;

/**
 * The body of a dry run: the proposed policy (the {@code policyId} it replaces, or a new one's fields as a
 * create takes them; {@code name} and {@code description} are accepted and play no part), the time range
 * of the decisions to evaluate again, and how many examples each change shows (at most 20, 5 if not given).
 * Rules are read as the policy endpoints read them ({@link WrittenRule}): an unknown effect or operator is
 * refused by the rule checks, naming the rule, rather than failing the body as a whole.
 */
record DryRunRequest(String policyId, String name, String description, String mode, Integer priority,
                     Boolean enabled, List<WrittenRule> rules, Instant from, Instant to, Integer examples) {

    /** The proposal as the dry run takes it; a mode other than enforce or monitor is refused. */
    ProposedPolicy proposed() {
        return new ProposedPolicy(policyId, PolicyMode.parse(mode), priority, enabled, WrittenRule.read(rules));
    }
}
