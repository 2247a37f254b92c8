package dev.warden.events.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.warden.events.governance.ArgumentCondition.Operator;
import dev.warden.events.governance.PolicySet.Call;
import dev.warden.events.governance.PolicySet.Policy;
import dev.warden.events.governance.PolicySet.Verdict;
import dev.warden.events.shared.IdKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How an organization's rules decide a call: globs, callers and conditions on the arguments, the
 * order across policies and rules, the default, disabled policies, monitor mode and patterns that
 * give up.
 */
class PolicySetTest {

    private static final String SERVER = IdKind.MCP_SERVER.next();
    private static final String OTHER_SERVER = IdKind.MCP_SERVER.next();
    private static final String USER = IdKind.USER.next();
    private static final String KEY = IdKind.API_KEY.next();
    private static final String AI = IdKind.AI_SYSTEM.next();
    private static final String ROLE = IdKind.ROLE.next();

    @ParameterizedTest
    @CsvSource({
            "read_file, read_file, true", "read_file, read_files, false", "read_*, read_file, true",
            "read_*, read_, true", "read_*, rea, false", "*, anything, true", "*_file, write_file, true",
            "?, a, true", "?, ab, false", "read_?ile, read_file, true", "read_?ile, read_ile, false",
            "db.*.drop, db.users.drop, true", "db.*.drop, dbXusersXdrop, false", "a*b*c, abc, true",
            "a*b*c, aXbYc, true", "a*b*c, acb, false", "a*a, a, false", "a*a, aa, true", "Read*, read, false",
            "fs/*, fs/read, true", "**, '', true", "*?*, '', false"})
    void aToolGlobMatchesTheWholeName(String glob, String tool, boolean matches) {
        PolicySet set = PolicySet.of(List.of(policy("p", 100, PolicyMode.ENFORCE, rule("r", glob, Effect.ALLOW))),
                Effect.DENY);
        assertThat(set.evaluate(call(tool)).effect()).isEqualTo(matches ? Effect.ALLOW : Effect.DENY);
    }

    @Test
    void aQuestionMarkIsOneCharacterEvenOutsideTheBasicPlane() {
        PolicySet set = PolicySet.of(List.of(policy("p", 100, PolicyMode.ENFORCE, rule("r", "go?", Effect.ALLOW))),
                Effect.DENY);
        assertThat(set.evaluate(call("go\uD83D\uDE80")).effect()).isEqualTo(Effect.ALLOW);
    }

    @Test
    void aGlobOfManyStarsAnswersAtOnceOnALongName() {
        PolicySet set = PolicySet.of(List.of(policy("p", 100, PolicyMode.ENFORCE,
                rule("stars", "*a*a*a*a*a*a*a*a*a*a*a*a*b*", Effect.ALLOW))), Effect.DENY);
        Verdict verdict = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> set.evaluate(call("a".repeat(20_000))));
        assertThat(verdict.effect()).isEqualTo(Effect.DENY);
        assertThat(set.evaluate(call("a".repeat(12) + "b")).effect()).isEqualTo(Effect.ALLOW);
    }

    @Test
    void aRuleWithoutToolOrServersTakesEveryCallAndOneWithServersOnlyTheirs() {
        PolicyRule onServer = new PolicyRule("on server", null, List.of(SERVER), null, null, null, Effect.ALERT);
        PolicySet set = PolicySet.of(List.of(policy("p", 100, PolicyMode.ENFORCE, onServer,
                new PolicyRule("any", null, null, null, null, null, Effect.ALLOW))), Effect.DENY);
        assertThat(set.evaluate(call("x")).ruleName()).isEqualTo("on server");
        assertThat(set.evaluate(new Call(OTHER_SERVER, "x", Map.of(), USER, null, null, Set.of())).ruleName())
                .isEqualTo("any");
        assertThat(set.evaluate(new Call(SERVER, null, null, null, null, null, null)).ruleName())
                .isEqualTo("on server");
    }

    @Test
    void aCallerMatchNeedsEachListGivenAndACallerWithoutThatIdMatchesNot() {
        PolicySet set = PolicySet.of(List.of(policy("p", 100, PolicyMode.ENFORCE,
                callerRule("users", new CallerMatch(List.of(USER), null, null, null)),
                callerRule("keys", new CallerMatch(null, null, List.of(KEY), null)),
                callerRule("ai", new CallerMatch(List.of(), List.of(), List.of(), List.of(AI))),
                callerRule("roles", new CallerMatch(null, List.of(ROLE), null, null)),
                callerRule("user with key", new CallerMatch(List.of(USER), null, List.of(KEY), null)))),
                Effect.DENY);
        assertThat(decidedBy(set, USER, null, null, Set.of())).isEqualTo("users");
        assertThat(decidedBy(set, null, KEY, null, null)).isEqualTo("keys");
        assertThat(decidedBy(set, null, null, AI, Set.of())).isEqualTo("ai");
        assertThat(decidedBy(set, IdKind.USER.next(), null, null, Set.of(IdKind.ROLE.next(), ROLE))).isEqualTo("roles");
        // A caller with no user, key or AI system (all null) is simply not matched: nothing fails.
        assertThat(decidedBy(set, null, null, null, null)).isNull();
        assertThat(decidedBy(set, null, null, null, new java.util.HashSet<>(Arrays.asList(null, "role_x")))).isNull();
        PolicySet both = PolicySet.of(List.of(policy("p", 100, PolicyMode.ENFORCE,
                callerRule("user with key", new CallerMatch(List.of(USER), null, List.of(KEY), null)))), Effect.DENY);
        assertThat(decidedBy(both, USER, null, null, null)).isNull();
        assertThat(decidedBy(both, USER, KEY, null, null)).isEqualTo("user with key");
    }

    @Test
    void equalsComparesJsonValuesAndNumbersByValue() {
        assertThat(holds(Operator.EQUALS, "/path", "/etc/passwd", Map.of("path", "/etc/passwd"))).isTrue();
        assertThat(holds(Operator.EQUALS, "/path", "/etc/passwd", Map.of("path", "/etc/passwd2"))).isFalse();
        assertThat(holds(Operator.EQUALS, "/n", 1, Map.of("n", 1.0))).isTrue();
        assertThat(holds(Operator.EQUALS, "/n", 1, Map.of("n", 1L))).isTrue();
        assertThat(holds(Operator.EQUALS, "/n", new BigDecimal("10.50"), Map.of("n", 10.5))).isTrue();
        assertThat(holds(Operator.EQUALS, "/n", 5L, Map.of("n", new BigInteger("5")))).isTrue();
        assertThat(holds(Operator.EQUALS, "/n", new BigInteger("12345678901234567890"),
                Map.of("n", new BigInteger("12345678901234567891")))).isFalse();
        assertThat(holds(Operator.EQUALS, "/n", 1, Map.of("n", "1"))).isFalse();
        assertThat(holds(Operator.EQUALS, "/b", true, Map.of("b", true))).isTrue();
        assertThat(holds(Operator.EQUALS, "/b", true, Map.of("b", "true"))).isFalse();
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("gone", null);
        assertThat(holds(Operator.EQUALS, "/gone", null, withNull)).isTrue();
        assertThat(holds(Operator.EQUALS, "/missing", null, withNull)).as("missing is not null").isFalse();
    }

    @Test
    void anOverflowingNumberInTheArgumentsIsComparedNotAFailure() {
        assertThat(holds(Operator.EQUALS, "/n", 1, Map.of("n", Double.POSITIVE_INFINITY))).isFalse();
        assertThat(holds(Operator.IN, "/n", List.of(1, 2), Map.of("n", Double.NaN))).isFalse();
        assertThat(holds(Operator.EQUALS, "/n", new BigDecimal("1e400"), Map.of("n", Double.POSITIVE_INFINITY)))
                .isFalse();
    }

    @Test
    void inHoldsForAnyOfItsValues() {
        List<Object> values = Arrays.asList("prod", 5, null);
        assertThat(holds(Operator.IN, "/env", values, Map.of("env", "prod"))).isTrue();
        assertThat(holds(Operator.IN, "/env", values, Map.of("env", 5.0))).isTrue();
        assertThat(holds(Operator.IN, "/env", values, Map.of("env", "staging"))).isFalse();
        assertThat(holds(Operator.IN, "/env", values, Map.of())).isFalse();
    }

    @Test
    void matchesTakesTheWholeTextOfAScalar() {
        assertThat(holds(Operator.MATCHES, "/sql", "(?i)drop .*", Map.of("sql", "DROP TABLE users"))).isTrue();
        assertThat(holds(Operator.MATCHES, "/sql", "drop", Map.of("sql", "drop table"))).as("whole text").isFalse();
        assertThat(holds(Operator.MATCHES, "/n", "4[0-9]", Map.of("n", 42))).isTrue();
        assertThat(holds(Operator.MATCHES, "/b", "tr.e", Map.of("b", true))).isTrue();
        assertThat(holds(Operator.MATCHES, "/o", ".*", Map.of("o", Map.of("a", 1)))).as("not a scalar").isFalse();
        assertThat(holds(Operator.MATCHES, "/o", ".*", Map.of("o", List.of()))).isFalse();
    }

    @Test
    void pointersFollowRfc6901EscapesAndArrayIndexes() {
        Map<String, Object> arguments = Map.of("a/b", "slash", "m~n", "tilde", "~1", "literal",
                "list", List.of("zero", Map.of("x", "one-x")), "", Map.of("", "empty keys"),
                "01", "map key", "nested", Map.of("01", "nested key"));
        assertThat(holds(Operator.EQUALS, "/a~1b", "slash", arguments)).isTrue();
        assertThat(holds(Operator.EQUALS, "/m~0n", "tilde", arguments)).isTrue();
        assertThat(holds(Operator.EQUALS, "/~01", "literal", arguments)).as("~01 is ~1, not /").isTrue();
        assertThat(holds(Operator.EQUALS, "/list/0", "zero", arguments)).isTrue();
        assertThat(holds(Operator.EQUALS, "/list/1/x", "one-x", arguments)).isTrue();
        assertThat(holds(Operator.EQUALS, "/list/2", null, arguments)).as("past the end").isFalse();
        assertThat(holds(Operator.EQUALS, "/list/-", null, arguments)).as("- names no element").isFalse();
        assertThat(holds(Operator.EQUALS, "/list/00", "zero", arguments)).as("leading zero").isFalse();
        assertThat(holds(Operator.EQUALS, "/list/+1", "one-x", arguments)).isFalse();
        assertThat(holds(Operator.EQUALS, "/01", "map key", arguments)).as("digits name a key of an object").isTrue();
        assertThat(holds(Operator.EQUALS, "/nested/01", "nested key", arguments)).isTrue();
        assertThat(holds(Operator.EQUALS, "//", "empty keys", arguments)).isTrue();
        assertThat(holds(Operator.EQUALS, "/list/0/deeper", "zero", arguments)).isFalse();
        assertThat(holds(Operator.IN, "", List.of("x"), arguments)).as("the whole arguments").isFalse();
    }

    @Test
    void missingArgumentsAreAnEmptyObject() {
        PolicySet set = PolicySet.of(List.of(policy("p", 100, PolicyMode.ENFORCE, new PolicyRule("needs a", null,
                null, null, null, List.of(new ArgumentCondition("/a", Operator.EQUALS, null)), Effect.ALLOW),
                new PolicyRule("whole", null, null, null, null, List.of(new ArgumentCondition("", Operator.EQUALS,
                        null)), Effect.ALERT))), Effect.DENY);
        assertThat(set.evaluate(new Call(SERVER, "t", null, USER, null, null, Set.of())).effect())
                .isEqualTo(Effect.DENY);
    }

    @Test
    void everyConditionMustHold() {
        PolicyRule both = new PolicyRule("both", null, null, "query", null, List.of(
                new ArgumentCondition("/db", Operator.EQUALS, "prod"),
                new ArgumentCondition("/sql", Operator.MATCHES, "(?is)\\s*delete.*")), Effect.REQUIRE_APPROVAL);
        PolicySet set = PolicySet.of(List.of(policy("p", 100, PolicyMode.ENFORCE, both)), Effect.ALLOW);
        assertThat(set.evaluate(args("query", Map.of("db", "prod", "sql", " DELETE FROM t"))).effect())
                .isEqualTo(Effect.REQUIRE_APPROVAL);
        assertThat(set.evaluate(args("query", Map.of("db", "dev", "sql", "delete from t"))).effect())
                .isEqualTo(Effect.ALLOW);
        assertThat(set.evaluate(args("query", Map.of("db", "prod", "sql", "select 1"))).effect())
                .isEqualTo(Effect.ALLOW);
    }

    @Test
    void theFirstMatchingRuleInPolicyOrderDecides() {
        long t = 1_000;
        Policy late = new Policy("pol_b", 3, 10, t + 1, PolicyMode.ENFORCE, true, List.of(rule("late", "*", Effect.DENY)));
        Policy early = new Policy("pol_a", 7, 10, t, PolicyMode.ENFORCE, true, List.of(
                rule("writes", "write_*", Effect.REQUIRE_APPROVAL), rule("reads", "read_*", Effect.ALLOW)));
        Policy urgent = new Policy("pol_z", 1, 5, t + 5, PolicyMode.ENFORCE, true, List.of(
                rule("no secrets", "read_secret", Effect.DENY)));
        PolicySet set = PolicySet.of(List.of(late, early, urgent), Effect.ALLOW);

        assertThat(set.policies()).extracting(Policy::policyId).containsExactly("pol_z", "pol_a", "pol_b");
        Verdict secret = set.evaluate(call("read_secret"));
        assertThat(secret).isEqualTo(new Verdict(Effect.DENY, "pol_z", 1, "no secrets", null,
                "Matched rule 'no secrets' of policy pol_z version 1: deny"));
        assertThat(set.evaluate(call("read_file")).ruleName()).isEqualTo("reads");
        assertThat(set.evaluate(call("write_file")).effect()).isEqualTo(Effect.REQUIRE_APPROVAL);
        assertThat(set.evaluate(call("delete_file"))).extracting(Verdict::policyId, Verdict::policyVersion,
                Verdict::ruleName, Verdict::effect).containsExactly("pol_b", 3, "late", Effect.DENY);
    }

    @Test
    void policiesOfOnePriorityAndTimeGoByTheirId() {
        Policy b = new Policy("pol_b", 1, 10, 5, PolicyMode.ENFORCE, true, List.of(rule("b", "*", Effect.DENY)));
        Policy a = new Policy("pol_a", 1, 10, 5, PolicyMode.ENFORCE, true, List.of(rule("a", "*", Effect.ALLOW)));
        assertThat(PolicySet.of(List.of(b, a), null).evaluate(call("x")).ruleName()).isEqualTo("a");
    }

    @Test
    void nothingMatchingMeansTheDefaultAndTheDefaultDefaultIsDeny() {
        Verdict none = PolicySet.empty().evaluate(call("x"));
        assertThat(none).isEqualTo(new Verdict(Effect.DENY, null, null, null, null,
                "No rule matched; the organization's default is deny"));
        assertThat(PolicySet.DEFAULT_DEFAULT).isEqualTo(Effect.DENY);
        PolicySet allowing = PolicySet.of(List.of(policy("p", 1, PolicyMode.ENFORCE, rule("r", "other", Effect.DENY))),
                Effect.ALLOW);
        assertThat(allowing.defaultEffect()).isEqualTo(Effect.ALLOW);
        assertThat(allowing.evaluate(call("x")).effect()).isEqualTo(Effect.ALLOW);
        assertThat(allowing.evaluate(call("x")).ruleName()).isNull();
    }

    @Test
    void aDisabledPolicyTakesNoPartButStaysInTheSet() {
        Policy disabled = new Policy("pol_off", 2, 1, 0, PolicyMode.ENFORCE, false, List.of(rule("off", "*",
                Effect.ALLOW)));
        PolicySet set = PolicySet.of(List.of(disabled, policy("pol_on", 50, PolicyMode.ENFORCE, rule("on", "x",
                Effect.ALERT))), null);
        assertThat(set.evaluate(call("x")).ruleName()).isEqualTo("on");
        assertThat(set.evaluate(call("y")).effect()).isEqualTo(Effect.DENY);
        assertThat(set.policies()).extracting(Policy::policyId).contains("pol_off");
    }

    @Test
    void aMonitorModeRuleRecordsWhatItWouldHaveDoneAndChangesNothing() {
        PolicySet set = PolicySet.of(List.of(policy("pol_m", 1, PolicyMode.MONITOR, rule("would block", "rm_*",
                Effect.DENY)), policy("pol_e", 2, PolicyMode.ENFORCE, rule("approve", "rm_*",
                Effect.REQUIRE_APPROVAL))), Effect.ALLOW);
        Verdict verdict = set.evaluate(call("rm_rf"));
        assertThat(verdict).isEqualTo(new Verdict(Effect.REQUIRE_APPROVAL, "pol_e", 1, "approve", Effect.DENY,
                "Matched rule 'approve' of policy pol_e version 1: require-approval; in monitor mode, rule"
                        + " 'would block' of policy pol_m version 1 would deny"));
        Verdict byDefault = PolicySet.of(List.of(policy("pol_m", 1, PolicyMode.MONITOR, rule("would block", "rm_*",
                Effect.DENY))), Effect.ALLOW).evaluate(call("rm_rf"));
        assertThat(byDefault.effect()).as("the monitor rule does not deny").isEqualTo(Effect.ALLOW);
        assertThat(byDefault.monitoredEffect()).isEqualTo(Effect.DENY);
        assertThat(byDefault.ruleName()).as("the default decided").isNull();
        assertThat(set.evaluate(call("ls")).monitoredEffect()).as("no monitor rule matched").isNull();
    }

    @Test
    void aMonitorPolicyAheadOfAnEnforcedDenyDoesNotLoosenIt() {
        PolicySet set = PolicySet.of(List.of(policy("pol_m", 1, PolicyMode.MONITOR, rule("try allow", "get-env",
                Effect.ALLOW)), policy("pol_e", 2, PolicyMode.ENFORCE, rule("no env", "get-env", Effect.DENY))),
                Effect.ALLOW);
        Verdict verdict = set.evaluate(call("get-env"));
        assertThat(verdict.effect()).isEqualTo(Effect.DENY);
        assertThat(verdict.ruleName()).isEqualTo("no env");
        assertThat(verdict.monitoredEffect()).isEqualTo(Effect.ALLOW);
    }

    @Test
    void aPatternThatBacktracksWithoutEndGivesUpAndTheCallIsDenied() {
        // Java memoizes plain nested repetitions; a back reference (or a counted repetition of .*) it cannot.
        PolicyRule catastrophic = new PolicyRule("nested", null, null, "*", null, List.of(
                new ArgumentCondition("/text", Operator.MATCHES, "(a+)+\\1b")), Effect.ALLOW);
        PolicySet set = PolicySet.of(List.of(policy("pol_c", 1, PolicyMode.ENFORCE, catastrophic)), Effect.ALLOW);
        Verdict verdict = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> set.evaluate(args("t", Map.of("text", "a".repeat(64)))));
        assertThat(verdict).isEqualTo(new Verdict(Effect.DENY, "pol_c", 1, "nested", null,
                "Denied by rule 'nested' of policy pol_c version 1 (a pattern of it took too long on these arguments): deny"));
        assertThat(set.evaluate(args("t", Map.of("text", "aaab"))).effect()).isEqualTo(Effect.ALLOW);
    }

    @Test
    void aPatternThatGivesUpInMonitorModeRecordsADenyAndTheDefaultDecides() {
        PolicyRule catastrophic = new PolicyRule("nested", null, null, "*", null, List.of(
                new ArgumentCondition("/text", Operator.MATCHES, "(.*){1,32000}[bc]")), Effect.ALERT);
        PolicySet set = PolicySet.of(List.of(policy("pol_c", 1, PolicyMode.MONITOR, catastrophic)), Effect.ALLOW);
        Verdict verdict = set.evaluate(args("t", Map.of("text", "a".repeat(80))));
        assertThat(verdict.effect()).isEqualTo(Effect.ALLOW);
        assertThat(verdict.monitoredEffect()).isEqualTo(Effect.DENY);
        assertThat(verdict.reason()).isEqualTo("No rule matched; the organization's default is allow; in monitor"
                + " mode, rule 'nested' of policy pol_c version 1 (a pattern of it took too long on these arguments)"
                + " would deny");
    }

    @Test
    void aPatternThatGivesUpDeniesNothingWhenAnotherConditionOfItsRuleFails() {
        PolicyRule rule = new PolicyRule("scoped", null, null, "*", null, List.of(
                new ArgumentCondition("/text", Operator.MATCHES, "(a+)+\\1b"),
                new ArgumentCondition("/env", Operator.EQUALS, "prod")), Effect.DENY);
        PolicySet set = PolicySet.of(List.of(policy("pol_s", 1, PolicyMode.ENFORCE, rule)), Effect.ALLOW);
        Verdict verdict = set.evaluate(args("t", Map.of("text", "a".repeat(64), "env", "dev")));
        assertThat(verdict.effect()).isEqualTo(Effect.ALLOW);
        assertThat(verdict.ruleName()).isNull();
    }

    @Test
    void withReplacesThePolicyOfTheSameIdOrAddsItLeavingTheSetAsItWas() {
        PolicySet set = PolicySet.of(List.of(policy("pol_a", 10, PolicyMode.ENFORCE, rule("a", "*", Effect.ALLOW))),
                Effect.DENY);
        PolicySet replaced = set.with(new Policy("pol_a", 2, 10, 0, PolicyMode.ENFORCE, true,
                List.of(rule("a2", "*", Effect.DENY))));
        PolicySet added = set.with(policy("pol_b", 1, PolicyMode.ENFORCE, rule("b", "*", Effect.ALERT)));
        assertThat(replaced.evaluate(call("x"))).extracting(Verdict::ruleName, Verdict::policyVersion)
                .containsExactly("a2", 2);
        assertThat(added.evaluate(call("x")).ruleName()).isEqualTo("b");
        assertThat(added.defaultEffect()).isEqualTo(Effect.DENY);
        assertThat(set.evaluate(call("x")).ruleName()).isEqualTo("a");
    }

    @Test
    void aPolicyWithoutRulesMatchesNothing() {
        Policy empty = new Policy("pol_e", 1, 1, 0, PolicyMode.ENFORCE, true, null);
        assertThat(PolicySet.of(List.of(empty), Effect.ALLOW).evaluate(call("x")).effect()).isEqualTo(Effect.ALLOW);
    }

    private static boolean holds(Operator operator, String pointer, Object value, Map<String, Object> arguments) {
        PolicyRule rule = new PolicyRule("c", null, null, null, null,
                List.of(new ArgumentCondition(pointer, operator, value)), Effect.ALLOW);
        PolicySet set = PolicySet.of(List.of(policy("p", 1, PolicyMode.ENFORCE, rule)), Effect.DENY);
        return set.evaluate(args("t", arguments)).effect() == Effect.ALLOW;
    }

    private static String decidedBy(PolicySet set, String user, String key, String ai, Set<String> roles) {
        return set.evaluate(new Call(SERVER, "t", Map.of(), user, key, ai, roles)).ruleName();
    }

    private static PolicyRule callerRule(String name, CallerMatch caller) {
        return new PolicyRule(name, null, null, null, caller, null, Effect.ALLOW);
    }

    private static PolicyRule rule(String name, String tool, Effect effect) {
        return new PolicyRule(name, null, List.of(), tool, null, List.of(), effect);
    }

    private static Policy policy(String id, int priority, PolicyMode mode, PolicyRule... rules) {
        return new Policy(id, 1, priority, 0, mode, true, List.of(rules));
    }

    private static Call call(String tool) {
        return args(tool, Map.of());
    }

    private static Call args(String tool, Map<String, Object> arguments) {
        return new Call(SERVER, tool, arguments, USER, null, null, Set.of(ROLE));
    }
}
