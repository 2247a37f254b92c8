package dev.warden.events.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.warden.events.governance.ArgumentCondition.Operator;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a rule may be: each refusal is INVALID_RULE and says which rule (number and name) and why. */
class RuleChecksTest {

    private static final PolicyRule FIRST = rule("first", "read_*", List.of());

    @Test
    void namesAMissingNameAfterItsPlaceAndStripsGivenOnes() {
        List<PolicyRule> checked = RuleChecks.check(List.of(rule(null, "a", List.of()), rule("  Block writes ", "b",
                List.of()), rule("   ", "c", List.of())));
        assertThat(checked).extracting(PolicyRule::name).containsExactly("rule-1", "Block writes", "rule-3");
        assertThat(checked.get(0).servers()).isEmpty();
        assertThat(checked.get(0).conditions()).isEmpty();
        assertThat(RuleChecks.check(null)).isEmpty();
    }

    @Test
    void keepsAWellFormedRuleAsItIs() {
        PolicyRule rule = new PolicyRule("Ops", "Only ops may drop tables", List.of(IdKind.MCP_SERVER.next()),
                "db.drop_?able*", new CallerMatch(List.of(IdKind.USER.next()), List.of(IdKind.ROLE.next()),
                List.of(IdKind.API_KEY.next()), List.of(IdKind.AI_SYSTEM.next())),
                List.of(new ArgumentCondition("/table/name", Operator.MATCHES, "prod_.*"),
                        new ArgumentCondition("/a~0b/~1c/0", Operator.IN, List.of("x", 1, 2.5, true)),
                        new ArgumentCondition("", Operator.EQUALS, null)), Effect.REQUIRE_APPROVAL);
        assertThat(RuleChecks.check(List.of(rule))).containsExactly(rule);
    }

    @Test
    void refusesTheSameNameTwiceNamingTheLaterRule() {
        assertRefused(List.of(FIRST, rule("first", "b", List.of())),
                "Rule 2: the name 'first' is used by an earlier rule");
        assertRefused(List.of(rule(null, "a", List.of()), rule("rule-1", "b", List.of())),
                "Rule 2: the name 'rule-1' is used by an earlier rule");
    }

    @Test
    void refusesMoreRulesThanAPolicyHolds() {
        List<PolicyRule> rules = IntStream.rangeClosed(1, RuleChecks.MAX_RULES + 1)
                .mapToObj(i -> rule("r" + i, "t", List.of())).toList();
        assertRefused(rules, "A policy has at most 200 rules, not 201");
        assertThat(RuleChecks.check(rules.subList(0, RuleChecks.MAX_RULES))).hasSize(RuleChecks.MAX_RULES);
    }

    @Test
    void refusesANullRuleAndABadNameByTheirPlace() {
        assertRefused(Arrays.asList(FIRST, null), "Rule 2 is null");
        assertRefused(List.of(FIRST, rule("-starts-badly", "t", List.of())), "Rule 2: a name is 1-80 letters");
        assertRefused(List.of(FIRST, rule("semi;colon", "t", List.of())), "Rule 2: a name is 1-80 letters");
        assertRefused(List.of(FIRST, rule("x".repeat(81), "t", List.of())), "Rule 2: a name is 1-80 letters");
    }

    @Test
    void refusesARuleWithoutAnEffect() {
        assertRefused(List.of(FIRST, new PolicyRule("no effect", null, null, "t", null, null, null)),
                "Rule 2 (no effect): effect is one of allow, deny, alert, require-approval");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "read file", "read[0]", "read\u0000", "caf\u00e9", "a|b", "(x)"})
    void refusesAGlobOfOtherCharacters(String glob) {
        assertRefused(List.of(FIRST, rule("second", glob, List.of())), "Rule 2 (second): the tool glob '");
    }

    @Test
    void refusesAGlobLongerThan200Characters() {
        assertRefused(List.of(rule("long", "a".repeat(201), List.of())), "Rule 1 (long): the tool glob '");
        assertThat(RuleChecks.check(List.of(rule("long", "*".repeat(200), List.of())))).hasSize(1);
    }

    @Test
    void refusesIdsOfTheWrongKindNamingTheList() {
        String user = IdKind.USER.next();
        assertRefused(List.of(new PolicyRule("s", null, List.of(user), null, null, null, Effect.DENY)),
                "Rule 1 (s): servers holds '" + user + "', not a mcp_ id");
        assertRefused(List.of(new PolicyRule("u", null, null, null, caller(List.of("alice"), null, null, null),
                null, Effect.DENY)), "Rule 1 (u): users holds 'alice', not a usr_ id");
        assertRefused(List.of(new PolicyRule("r", null, null, null, caller(null, List.of("Admin"), null, null),
                null, Effect.DENY)), "Rule 1 (r): roles holds 'Admin', not a role_ id");
        assertRefused(List.of(new PolicyRule("k", null, null, null, caller(null, null, List.of(user), null),
                null, Effect.DENY)), "Rule 1 (k): apiKeys holds '" + user + "', not a key_ id");
        assertRefused(List.of(new PolicyRule("a", null, null, null, caller(null, null, null,
                Collections.singletonList(null)), null, Effect.DENY)), "Rule 1 (a): aiSystems holds 'null', not a ais_ id");
        List<String> many = IntStream.range(0, RuleChecks.MAX_IDS + 1).mapToObj(i -> IdKind.USER.next()).toList();
        assertRefused(List.of(new PolicyRule("many", null, null, null, caller(many, null, null, null), null,
                Effect.DENY)), "Rule 1 (many): users holds at most 1000 ids");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/a", "/a/b", "/a~0b", "/a~1b", "/~0~1", "//", "/0/-", "/a b/ü"})
    void takesRfc6901Pointers(String pointer) {
        assertThat(RuleChecks.check(List.of(rule("p", "t", List.of(
                new ArgumentCondition(pointer, Operator.EQUALS, "x")))))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b", "/a~", "/a~2", "/~x", "#/a"})
    void refusesWhatIsNoPointerNamingRuleAndCondition(String pointer) {
        assertRefused(List.of(rule("p", "t", List.of(new ArgumentCondition("/ok", Operator.EQUALS, 1),
                new ArgumentCondition(pointer, Operator.EQUALS, "x")))),
                "Rule 1 (p), condition 2: '");
    }

    @Test
    void refusesAMissingOrOverlongPointerWithoutRecursingOverIt() {
        assertRefused(List.of(rule("p", "t", List.of(new ArgumentCondition(null, Operator.EQUALS, "x")))),
                "Rule 1 (p), condition 1: 'null' is not a JSON pointer");
        assertRefused(List.of(rule("p", "t", List.of(new ArgumentCondition("/" + "a".repeat(500), Operator.EQUALS,
                "x")))), "Rule 1 (p), condition 1: '");
        // A nested repetition over a pointer this long overflows the stack (an error, not a refusal).
        String pointer = "/".repeat(20_000) + "~";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertRefused(List.of(rule("p", "t",
                List.of(new ArgumentCondition(pointer, Operator.EQUALS, "x")))), "Rule 1 (p), condition 1: '"));
        assertThat(JsonPointer.valid("/".repeat(20_000))).isTrue();
        assertThat(JsonPointer.valid("/".repeat(20_000) + "~")).isFalse();
    }

    @Test
    void refusesAConditionWithoutAnOperator() {
        assertRefused(List.of(rule("c", "t", Arrays.asList(new ArgumentCondition("/a", Operator.EQUALS, 1), null))),
                "Rule 1 (c), condition 2: operator is one of equals, in, matches");
        assertRefused(List.of(rule("c", "t", List.of(new ArgumentCondition("/a", null, 1)))),
                "Rule 1 (c), condition 1: operator is one of equals, in, matches");
    }

    static Stream<Arguments> badValues() {
        List<Object> thousandAndOne = new ArrayList<>(Collections.nCopies(1001, "x"));
        return Stream.of(
                Arguments.of(Operator.EQUALS, Map.of("a", 1), "equals compares with a string, finite number"),
                Arguments.of(Operator.EQUALS, List.of(1), "equals compares with a string, finite number"),
                Arguments.of(Operator.EQUALS, Double.POSITIVE_INFINITY, "equals compares with a string, finite number"),
                Arguments.of(Operator.EQUALS, Double.NaN, "equals compares with a string, finite number"),
                Arguments.of(Operator.IN, "x", "in takes a list of 1-1000 values"),
                Arguments.of(Operator.IN, List.of(), "in takes a list of 1-1000 values"),
                Arguments.of(Operator.IN, thousandAndOne, "in takes a list of 1-1000 values"),
                Arguments.of(Operator.IN, List.of("x", Map.of("a", 1)), "in takes strings, finite numbers"),
                Arguments.of(Operator.IN, List.of(List.of()), "in takes strings, finite numbers"),
                Arguments.of(Operator.IN, List.of(Double.NEGATIVE_INFINITY), "in takes strings, finite numbers"),
                Arguments.of(Operator.MATCHES, 5, "matches takes a regular expression of 1-500 characters"),
                Arguments.of(Operator.MATCHES, "", "matches takes a regular expression of 1-500 characters"),
                Arguments.of(Operator.MATCHES, "a".repeat(501), "matches takes a regular expression of 1-500"),
                Arguments.of(Operator.MATCHES, "[unclosed", "the pattern is not a valid regular expression"
                        + " (Unclosed character class)"),
                Arguments.of(Operator.MATCHES, "(?<name", "the pattern is not a valid regular expression"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void refusesAValueTheOperatorCannotUseNamingRuleAndCondition(Operator operator, Object value, String why) {
        assertRefused(List.of(FIRST, rule("values", "t", List.of(new ArgumentCondition("/a", operator, value)))),
                "Rule 2 (values), condition 1: " + why);
    }

    @Test
    void takesScalarsOfEveryKindForEqualsAndIn() {
        List<Object> scalars = Arrays.asList("x", 1, 2L, 2.5, new java.math.BigDecimal("1e400"), true, null);
        for (Object value : scalars) {
            assertThat(RuleChecks.check(List.of(rule("e", "t", List.of(new ArgumentCondition("/a", Operator.EQUALS,
                    value)))))).hasSize(1);
        }
        assertThat(RuleChecks.check(List.of(rule("i", "t", List.of(new ArgumentCondition("/a", Operator.IN,
                scalars)))))).hasSize(1);
    }

    @Test
    void refusesMoreConditionsThanARuleHolds() {
        List<ArgumentCondition> many = Collections.nCopies(RuleChecks.MAX_CONDITIONS + 1,
                new ArgumentCondition("/a", Operator.EQUALS, 1));
        assertRefused(List.of(rule("many", "t", many)), "Rule 1 (many): a rule has at most 50 conditions, not 51");
    }

    @Test
    void aDescriptionIsTextPeopleReadOfAtMost500Characters() {
        assertThat(RuleChecks.check(List.of(describedRule("  Two\nlines  "))).get(0).description())
                .isEqualTo("Two\nlines");
        assertThat(RuleChecks.check(List.of(describedRule(null))).get(0).description()).isNull();
        assertRefused(List.of(describedRule("x".repeat(501))), "Rule 1 (d): a description has at most 500");
        assertRefused(List.of(describedRule("evil\u202Eeulav")), "Rule 1 (d): a description contains U+202E");
        assertRefused(List.of(describedRule("bell\u0007")), "Rule 1 (d): a description contains U+0007");
    }

    @Test
    void aRefusalQuotesClientTextOnlyAsAnExcerpt() {
        String glob = "evil<script>" + "x".repeat(300);
        Throwable refusal = catchRefusal(List.of(rule("g", glob, List.of())));
        assertThat(refusal.getMessage()).doesNotContain("<script>").doesNotContain("x".repeat(100));
    }

    private static PolicyRule describedRule(String description) {
        return new PolicyRule("d", description, null, "t", null, null, Effect.ALLOW);
    }

    private static PolicyRule rule(String name, String tool, List<ArgumentCondition> conditions) {
        return new PolicyRule(name, null, null, tool, null, conditions, Effect.DENY);
    }

    private static CallerMatch caller(List<String> users, List<String> roles, List<String> keys, List<String> ais) {
        return new CallerMatch(users, roles, keys, ais);
    }

    private static void assertRefused(List<PolicyRule> rules, String messageStart) {
        assertThat(catchRefusal(rules).getMessage()).startsWith(messageStart);
    }

    private static Throwable catchRefusal(List<PolicyRule> rules) {
        Throwable refusal = catchThrowable(() -> RuleChecks.check(rules));
        assertThat(refusal).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(GovernanceErrorCode.INVALID_RULE));
        return refusal;
    }
}
