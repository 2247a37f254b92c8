package dev.warden.events.governance;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A checked rule made ready to match: its glob and patterns compiled, its id lists as sets. */
final class CompiledRule {

    /** How many characters a pattern may read of one argument before it gives up (a guard on backtracking). */
    static final int PATTERN_BUDGET = 200_000;

    final PolicyRule rule;
    private final Set<String> servers;
    private final Pattern tool;
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
        this.tool = rule.tool() == null ? null : glob(rule.tool());
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
        if (!servers.isEmpty() && !servers.contains(call.mcpServerId())
                || tool != null && (call.toolName() == null || !tool.matcher(call.toolName()).matches())
                || !users.isEmpty() && !users.contains(call.userId())
                || !apiKeys.isEmpty() && !apiKeys.contains(call.apiKeyId())
                || !aiSystems.isEmpty() && !aiSystems.contains(call.aiSystemId())
                || !roles.isEmpty() && (call.roles() == null || call.roles().stream().noneMatch(roles::contains))) {
            return RuleMatch.NO;
        }
        for (Condition condition : conditions) {
            RuleMatch one = holds(condition, JsonPointer.find(call.arguments(), condition.path()));
            if (one != RuleMatch.YES) {
                return one;
            }
        }
        return RuleMatch.YES;
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
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        return actual == null ? expected == null : actual.equals(expected);
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }

    /** A tool-name glob as an expression: {@code *} any run of characters, {@code ?} one, the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static Set<String> set(List<String> values) {
        return values == null || values.isEmpty() ? Set.of() : Set.copyOf(new HashSet<>(values));
    }
}
