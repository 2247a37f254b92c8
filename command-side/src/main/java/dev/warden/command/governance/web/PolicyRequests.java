package dev.warden.command.governance.web;

import dev.warden.events.governance.ArgumentCondition;
import dev.warden.events.governance.CallerMatch;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Locale;

/**
 * Bodies of the policy endpoints. A rule has the shape of {@link PolicyRule}; its effect and its
 * conditions' operators are read as text, so an unknown one is refused by the rule checks naming the
 * rule (like every other fault of a rule) instead of failing the body as a whole.
 */
final class PolicyRequests {

    private PolicyRequests() {
    }

    record Condition(String pointer, String operator, Object value) {
    }

    record Rule(String name, String description, List<String> servers, String tool, CallerMatch caller,
                List<Condition> conditions, String effect) {
    }

    record Create(String name, String description, String mode, Integer priority, @NotNull List<Rule> rules) {
    }

    record ChangeRules(@NotNull List<Rule> rules, @Positive Integer expectedVersion) {
    }

    record Reorder(@NotNull List<String> ruleNames, @Positive Integer expectedVersion) {
    }

    record Update(String name, String description, String mode, Integer priority) {
    }

    record DefaultEffect(String effect) {
    }

    /** The rules of a body as the contract has them; an unknown effect or operator becomes missing. */
    static List<PolicyRule> rules(List<Rule> rules) {
        return rules.stream().map(PolicyRequests::rule).toList();
    }

    /** A mode given as text ({@code enforce} or {@code monitor}), or null when not given. */
    static PolicyMode mode(String mode) {
        if (mode == null) {
            return null;
        }
        for (PolicyMode one : PolicyMode.values()) {
            if (one.name().toLowerCase(Locale.ROOT).equals(mode)) {
                return one;
            }
        }
        throw new DomainException(GovernanceErrorCode.INVALID_POLICY, "The mode is enforce or monitor, not '"
                + Text.excerpt(mode) + "'");
    }

    /** A default effect: {@code allow} or {@code deny}. */
    static Effect defaultEffect(String effect) {
        Effect parsed = effect(effect);
        if (parsed != Effect.ALLOW && parsed != Effect.DENY) {
            throw new DomainException(GovernanceErrorCode.INVALID_POLICY, "The default effect is allow or deny, not '"
                    + Text.excerpt(effect) + "'");
        }
        return parsed;
    }

    private static PolicyRule rule(Rule rule) {
        if (rule == null) {
            return null;
        }
        List<ArgumentCondition> conditions = rule.conditions() == null ? null : rule.conditions().stream()
                .map(c -> c == null ? null : new ArgumentCondition(c.pointer(), operator(c.operator()), c.value()))
                .toList();
        return new PolicyRule(rule.name(), rule.description(), rule.servers(), rule.tool(), rule.caller(), conditions,
                effect(rule.effect()));
    }

    private static Effect effect(String wire) {
        for (Effect one : Effect.values()) {
            if (one.wire().equals(wire)) {
                return one;
            }
        }
        return null;
    }

    private static ArgumentCondition.Operator operator(String wire) {
        for (ArgumentCondition.Operator one : ArgumentCondition.Operator.values()) {
            if (one.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return one;
            }
        }
        return null;
    }
}
