package dev.warden.events.governance;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A checked rule made ready to match: its glob and patterns compiled, its id lists as sets. A caller
 * without a user, API key or AI system matches no rule that asks for one.
 */
final class CompiledRule {

    /** How many characters a pattern may read of one argument before it gives up (a guard on backtracking). */
    static final int PATTERN_BUDGET = 200_000;

    final PolicyRule rule;
    private final Set<String> servers;
    private final Glob tool;
    private final Set<String> users;
    private final Set<String> roles;
    private final Set<String> apiKeys;
    private final Set<String> aiSystems;
    private final List<Condition> conditions;

    private record Condition(List<String> path, ArgumentCondition.Operator operator, Object value, Pattern pattern) {
    }

    CompiledRule(PolicyRule rule) {
        this.rule = rule;
        this.servers = set(rule.servers());
        this.tool = rule.tool() == null ? null : Glob.of(rule.tool());
        CallerMatch caller = rule.caller();
        this.users = caller == null ? Set.of() : set(caller.users());
        this.roles = caller == null ? Set.of() : set(caller.roles());
        this.apiKeys = caller == null ? Set.of() : set(caller.apiKeys());
        this.aiSystems = caller == null ? Set.of() : set(caller.aiSystems());
        this.conditions = (rule.conditions() == null ? List.<ArgumentCondition>of() : rule.conditions()).stream()
                .map(c -> new Condition(JsonPointer.parse(c.pointer()), c.operator(), c.value(),
                        c.operator() == ArgumentCondition.Operator.MATCHES ? Pattern.compile((String) c.value()) : null))
                .toList();
    }

    RuleMatch match(PolicySet.Call call) {
        if (!among(servers, call.mcpServerId())
                || tool != null && (call.toolName() == null || !tool.matches(call.toolName()))
                || !among(users, call.userId())
                || !among(apiKeys, call.apiKeyId())
                || !among(aiSystems, call.aiSystemId())
                || !roles.isEmpty() && (call.roles() == null || call.roles().stream()
                        .noneMatch(role -> role != null && roles.contains(role)))) {
            return RuleMatch.NO;
        }
        Object arguments = call.arguments() == null ? Map.of() : call.arguments();
        // A condition that does not hold settles it; one that gave up counts only when all others hold.
        RuleMatch result = RuleMatch.YES;
        for (Condition condition : conditions) {
            RuleMatch one = holds(condition, JsonPointer.find(arguments, condition.path()));
            if (one == RuleMatch.NO) {
                return RuleMatch.NO;
            }
            if (one == RuleMatch.TOO_COSTLY) {
                result = RuleMatch.TOO_COSTLY;
            }
        }
        return result;
    }

    /** Whether {@code value} is one of {@code ids}; an empty set takes anything, a missing value is in none. */
    private static boolean among(Set<String> ids, String value) {
        return ids.isEmpty() || value != null && ids.contains(value);
    }

    private static RuleMatch holds(Condition condition, JsonPointer.Found found) {
        if (found == null) {
            return RuleMatch.NO;
        }
        Object actual = found.value();
        return switch (condition.operator()) {
            case EQUALS -> same(actual, condition.value()) ? RuleMatch.YES : RuleMatch.NO;
            case IN -> ((List<?>) condition.value()).stream().anyMatch(v -> same(actual, v)) ? RuleMatch.YES
                    : RuleMatch.NO;
            case MATCHES -> matches(condition.pattern(), actual);
        };
    }

    private static RuleMatch matches(Pattern pattern, Object actual) {
        if (!(actual instanceof String || actual instanceof Number || actual instanceof Boolean)) {
            return RuleMatch.NO;
        }
        try {
            return pattern.matcher(new BoundedText(String.valueOf(actual), PATTERN_BUDGET)).matches() ? RuleMatch.YES
                    : RuleMatch.NO;
        } catch (BoundedText.BudgetSpent | StackOverflowError e) {
            return RuleMatch.TOO_COSTLY;
        }
    }

    /** JSON equality: numbers by value (1 equals 1.0), everything else by equals. */
    static boolean same(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number b) {
            if (!finite(a) || !finite(b)) {
                // An overflowing literal such as 1e400 reads as infinity, which has no decimal value and
                // equals no number a rule holds (those are finite).
                return !finite(a) && !finite(b) && a.doubleValue() == b.doubleValue();
            }
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        return actual == null ? expected == null : actual.equals(expected);
    }

    private static boolean finite(Number number) {
        return !(number instanceof Double || number instanceof Float) || Double.isFinite(number.doubleValue());
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }

    private static Set<String> set(List<String> values) {
        return values == null || values.isEmpty() ? Set.of() : Collections.unmodifiableSet(new HashSet<>(values));
    }
}
