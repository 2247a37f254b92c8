package dev.warden.events.governance;

import java.util.List;

/**
 * A rule as a request writes it: a {@link PolicyRule} whose effect and conditions' operators are still
 * text, so an unknown one reaches {@link RuleChecks}, which refuses it naming the rule, instead of
 * failing the whole body. The policy endpoints and the dry run read rules through it alike.
 */
public record WrittenRule(String name, String description, List<String> servers, String tool, CallerMatch caller,
                          List<Condition> conditions, String effect) {

    /** A condition as written; {@code operator} is {@code equals}, {@code in} or {@code matches}. */
    public record Condition(String pointer, String operator, Object value) {
    }

    /** The rules as the contract has them (an unknown effect or operator missing, a null rule null). */
    public static List<PolicyRule> read(List<WrittenRule> rules) {
        return rules == null ? null : rules.stream().map(r -> r == null ? null : r.read()).toList();
    }

    /** This rule as the contract has it. */
    public PolicyRule read() {
        List<ArgumentCondition> read = conditions == null ? null : conditions.stream()
                .map(c -> c == null ? null : new ArgumentCondition(c.pointer(),
                        ArgumentCondition.Operator.ofWire(c.operator()), c.value()))
                .toList();
        return new PolicyRule(name, description, servers, tool, caller, read, Effect.ofWire(effect));
    }
}
