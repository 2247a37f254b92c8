package dev.warden.events.governance;

import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a policy's rules must be, checked on write so a stored rule always compiles: at most
 * {@value #MAX_RULES} rules with unique names; a tool glob of letters, digits and {@code _ . - / : * ?};
 * server ids of MCP servers; at most {@value #MAX_IDS} ids in each list; at most
 * {@value #MAX_CONDITIONS} conditions, with pointers per RFC 6901 of at most {@value #MAX_POINTER}
 * characters; {@code equals} and {@code in} with JSON scalars (finite numbers), {@code in} with a list;
 * {@code matches} with a valid expression of at most {@value #MAX_PATTERN} characters. A refusal says
 * which rule and why.
 */
public final class RuleChecks {

    public static final int MAX_RULES = 200;
    public static final int MAX_PATTERN = 500;
    public static final int MAX_POINTER = 500;
    public static final int MAX_CONDITIONS = 50;
    public static final int MAX_IDS = 1000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.:-]{0,79}");
    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9_.\\-/:*?]{1,200}");

    private RuleChecks() {
    }

    /** The rules, with a missing name filled in as {@code rule-<n>}; refuses the first broken one. */
    public static List<PolicyRule> check(List<PolicyRule> rules) {
        if (rules == null) {
            return List.of();
        }
        if (rules.size() > MAX_RULES) {
            throw invalid("A policy has at most " + MAX_RULES + " rules, not " + rules.size());
        }
        List<PolicyRule> checked = new ArrayList<>(rules.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule rule = rules.get(i);
            if (rule == null) {
                throw invalid("Rule " + (i + 1) + " is null");
            }
            PolicyRule one = checkOne(i + 1, rule);
            if (!names.add(one.name())) {
                throw invalid("Rule " + (i + 1) + ": the name '" + one.name() + "' is used by an earlier rule");
            }
            checked.add(one);
        }
        return List.copyOf(checked);
    }

    private static PolicyRule checkOne(int number, PolicyRule rule) {
        String name = rule.name() == null || rule.name().isBlank() ? "rule-" + number : rule.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw invalid("Rule " + number + ": a name is 1-80 letters, digits, spaces or _ . : - and starts with a"
                    + " letter or digit");
        }
        String where = "Rule " + number + " (" + name + ")";
        if (rule.effect() == null) {
            throw invalid(where + ": effect is one of allow, deny, alert, require-approval");
        }
        if (rule.tool() != null && !GLOB.matcher(rule.tool()).matches()) {
            throw invalid(where + ": the tool glob '" + Text.excerpt(rule.tool()) + "' may hold only letters, digits,"
                    + " _ . - / : and the wildcards * and ? (1-200 characters)");
        }
        String description = rule.description() == null ? null
                : TextRule.paragraph(GovernanceErrorCode.INVALID_RULE, where + ": a description", 500)
                        .check(rule.description());
        ids(where, "servers", rule.servers(), IdKind.MCP_SERVER);
        CallerMatch caller = rule.caller();
        if (caller != null) {
            ids(where, "users", caller.users(), IdKind.USER);
            ids(where, "apiKeys", caller.apiKeys(), IdKind.API_KEY);
            ids(where, "aiSystems", caller.aiSystems(), IdKind.AI_SYSTEM);
            ids(where, "roles", caller.roles(), IdKind.ROLE);
        }
        List<ArgumentCondition> conditions = nonNull(rule.conditions());
        if (conditions.size() > MAX_CONDITIONS) {
            throw invalid(where + ": a rule has at most " + MAX_CONDITIONS + " conditions, not " + conditions.size());
        }
        for (int c = 0; c < conditions.size(); c++) {
            condition(where + ", condition " + (c + 1), conditions.get(c));
        }
        return new PolicyRule(name, description, nonNull(rule.servers()), rule.tool(), caller, conditions,
                rule.effect());
    }

    private static void condition(String where, ArgumentCondition condition) {
        if (condition == null || condition.operator() == null) {
            throw invalid(where + ": operator is one of equals, in, matches");
        }
        String pointer = condition.pointer();
        if (pointer == null || pointer.length() > MAX_POINTER || !JsonPointer.valid(pointer)) {
            throw invalid(where + ": '" + Text.excerpt(String.valueOf(pointer)) + "' is not a JSON pointer (\"\" or"
                    + " /a/b of at most " + MAX_POINTER + " characters, with ~0 for ~ and ~1 for /)");
        }
        switch (condition.operator()) {
            case EQUALS -> {
                if (!scalar(condition.value())) {
                    throw invalid(where + ": equals compares with a string, finite number, boolean or null");
                }
            }
            case IN -> {
                if (!(condition.value() instanceof List<?> values) || values.isEmpty() || values.size() > 1000) {
                    throw invalid(where + ": in takes a list of 1-1000 values");
                }
                if (!values.stream().allMatch(RuleChecks::scalar)) {
                    throw invalid(where + ": in takes strings, finite numbers, booleans or null");
                }
            }
            case MATCHES -> pattern(where, condition.value());
        }
    }

    /** A JSON value an argument can equal: text, a boolean, null or a number that has a decimal value. */
    private static boolean scalar(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return Double.isFinite(((Number) value).doubleValue());
        }
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Number;
    }

    /** Compiles a {@code matches} value, refusing what is not a valid expression. */
    static Pattern pattern(String where, Object value) {
        if (!(value instanceof String text) || text.isEmpty() || text.length() > MAX_PATTERN) {
            throw invalid(where + ": matches takes a regular expression of 1-" + MAX_PATTERN + " characters");
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException | StackOverflowError e) {
            String why = e instanceof PatternSyntaxException syntax ? syntax.getDescription() : "too deeply nested";
            throw invalid(where + ": the pattern is not a valid regular expression (" + why + ")");
        }
    }

    private static void ids(String where, String field, List<String> ids, IdKind kind) {
        if (ids != null && ids.size() > MAX_IDS) {
            throw invalid(where + ": " + field + " holds at most " + MAX_IDS + " ids");
        }
        for (String id : nonNull(ids)) {
            if (!kind.matches(id)) {
                throw invalid(where + ": " + field + " holds '" + Text.excerpt(String.valueOf(id)) + "', not a "
                        + kind.prefix() + "_ id");
            }
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static DomainException invalid(String message) {
        return new DomainException(GovernanceErrorCode.INVALID_RULE, message);
    }
}
