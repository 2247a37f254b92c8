package dev.warden.command.governance;

import static dev.warden.events.governance.GovernanceErrorCode.INVALID_POLICY;

import dev.warden.events.governance.CreatePolicyCommand;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a policy itself must be (its rules are {@link dev.warden.events.governance.RuleChecks}' concern):
 * a name of 1-100 characters, a description of at most 2000, a priority from 0 to {@value #MAX_PRIORITY}
 * ({@value CreatePolicyCommand#DEFAULT_PRIORITY} unless given; lower goes first), and a new order that names every rule once.
 */
final class PolicyRules {

    static final int MAX_PRIORITY = 10_000;
    private static final TextRule NAME = TextRule.line(INVALID_POLICY, "A policy name", 100);
    private static final TextRule DESCRIPTION = TextRule.paragraph(INVALID_POLICY, "A policy description", 2000);

    private PolicyRules() {
    }

    static String name(String raw) {
        return NAME.check(raw);
    }

    static String description(String raw) {
        return DESCRIPTION.check(raw);
    }

    /** {@code raw}, or {@code fallback} when it is not given; a refusal when it is out of range. */
    static int priority(Integer raw, int fallback) {
        if (raw == null) {
            return fallback;
        }
        if (raw < 0 || raw > MAX_PRIORITY) {
            throw new DomainException(INVALID_POLICY, "A priority is a whole number from 0 to " + MAX_PRIORITY
                    + " (lower goes first), not " + raw);
        }
        return raw;
    }

    /** {@code rules} in the order {@code names} gives, which must name each of them exactly once. */
    static List<PolicyRule> reordered(List<PolicyRule> rules, List<String> names) {
        if (names == null) {
            throw new DomainException(INVALID_POLICY, "The new order names every rule of the policy once");
        }
        Map<String, PolicyRule> byName = new HashMap<>();
        rules.forEach(rule -> byName.put(rule.name(), rule));
        Set<String> seen = new HashSet<>();
        List<PolicyRule> ordered = new ArrayList<>(rules.size());
        for (String name : names) {
            PolicyRule rule = byName.get(name);
            if (rule == null) {
                throw new DomainException(INVALID_POLICY, "The policy has no rule named '" + Text.excerpt(name) + "'");
            }
            if (!seen.add(name)) {
                throw new DomainException(INVALID_POLICY, "The rule '" + name + "' is named twice in the new order");
            }
            ordered.add(rule);
        }
        if (ordered.size() != rules.size()) {
            List<String> missing = rules.stream().map(PolicyRule::name).filter(n -> !seen.contains(n)).toList();
            throw new DomainException(INVALID_POLICY, "The new order leaves out the rules " + String.join(", ",
                    missing.stream().map(n -> "'" + n + "'").toList()));
        }
        return List.copyOf(ordered);
    }
}
