package dev.warden.query.governance.web;

import dev.warden.events.governance.ArgumentCondition;
import dev.warden.events.governance.CallerMatch;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.query.governance.ProposedPolicy;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The body of a dry run: the proposed policy (the {@code policyId} it replaces, or a new one's fields as a
 * create takes them; {@code name} and {@code description} are accepted and play no part), the time range
 * of the decisions to evaluate again, and how many examples each change shows (at most 20, 5 if not given).
 * Rules are read as the policy endpoints read them: an unknown effect or operator is refused by the rule
 * checks, naming the rule, rather than failing the body as a whole.
 */
record DryRunRequest(String policyId, String name, String description, String mode, Integer priority,
                     Boolean enabled, List<Rule> rules, Instant from, Instant to, Integer examples) {

    record Rule(String name, String description, List<String> servers, String tool, CallerMatch caller,
                List<Condition> conditions, String effect) {
    }

    record Condition(String pointer, String operator, Object value) {
    }

    /** The proposal as the dry run takes it; a mode other than enforce or monitor is refused. */
    ProposedPolicy proposed() {
        PolicyMode proposedMode = mode == null ? null : named(PolicyMode.values(), mode, Enum::name);
        if (mode != null && proposedMode == null) {
            throw new DomainException(GovernanceErrorCode.INVALID_POLICY, "The mode is enforce or monitor, not '"
                    + Text.excerpt(mode) + "'");
        }
        return new ProposedPolicy(policyId, proposedMode, priority, enabled,
                rules == null ? null : rules.stream().map(DryRunRequest::rule).toList());
    }

    private static PolicyRule rule(Rule rule) {
        if (rule == null) {
            return null;
        }
        List<ArgumentCondition> conditions = rule.conditions() == null ? null : rule.conditions().stream()
                .map(c -> c == null ? null : new ArgumentCondition(c.pointer(),
                        named(ArgumentCondition.Operator.values(), c.operator(), Enum::name), c.value()))
                .toList();
        return new PolicyRule(rule.name(), rule.description(), rule.servers(), rule.tool(), rule.caller(), conditions,
                named(Effect.values(), rule.effect(), Effect::wire));
    }

    /** The value whose wire name (its {@code name}, lower case) is {@code wire}; {@code null} for none. */
    private static <E extends Enum<E>> E named(E[] values, String wire, Function<E, String> name) {
        return Arrays.stream(values).filter(v -> name.apply(v).toLowerCase(Locale.ROOT).equals(wire)).findFirst()
                .orElse(null);
    }
}
