package dev.warden.app.governance;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.command.governance.RuleBook;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.PolicySet;
import dev.warden.events.shared.IdKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The policies API as an organization writes its rules: a policy created, its rules changed (new
 * versions, a stale version refused), reordered, its mode and priority updated, disabled, enabled and
 * deleted, the default effect set, and the decisions of the command side following each change at once.
 * And the refusals: a bad rule is a 400 naming the rule and why, a body of the wrong shape a 400.
 */
@WardenTest
class PoliciesApiIT {

    @LocalServerPort
    int port;

    @Autowired
    RuleBook ruleBook;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPolicyThroughItsLifeAndTheDecisionsThatFollowIt() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String base = "/api/orgs/" + orgId;

        Api.Response created = admin.post(base + "/policies", Json.object("name", "Guard", "rules", List.of(
                Json.object("name", "reads", "tool", "read_*", "effect", "allow"),
                Json.object("tool", "write_*", "effect", "require-approval", "conditions", List.of(
                        Json.object("pointer", "/path", "operator", "matches", "value", "/etc/.*"))))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String policyId = created.id();
        assertThat(IdKind.POLICY.matches(policyId)).isTrue();
        assertThat(created.header("Location")).isEqualTo(base + "/policies/" + policyId);
        assertThat(created.position()).isPositive();
        assertThat(verdict(orgId, "read_file", Map.of())).isEqualTo(List.of("allow", policyId, 1, "reads"));
        assertThat(verdict(orgId, "write_file", Map.of("path", "/etc/passwd")))
                .isEqualTo(List.of("require-approval", policyId, 1, "rule-2"));
        assertThat(verdict(orgId, "write_file", Map.of("path", "/tmp/x")).get(0)).as("the default").isEqualTo("deny");

        String rules = base + "/policies/" + policyId + "/rules";
        Api.Response changed = admin.put(rules, Json.object("expectedVersion", 1, "rules", List.of(
                Json.object("name", "reads", "tool", "read_*", "effect", "alert"),
                Json.object("name", "writes", "tool", "write_*", "effect", "deny"))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(verdict(orgId, "read_file", Map.of())).isEqualTo(List.of("alert", policyId, 2, "reads"));
        assertProblem(admin.put(rules, Json.object("expectedVersion", 1, "rules", List.of())), 409,
                "POLICY_VERSION_CONFLICT");

        Api.Response reordered = admin.put(base + "/policies/" + policyId + "/rule-order",
                Json.object("ruleNames", List.of("writes", "reads"), "expectedVersion", 2));
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT payload->>'version' FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number DESC LIMIT 1").param(policyId).query(String.class).single()).isEqualTo("3");

        assertThat(admin.patch(base + "/policies/" + policyId, Json.object("mode", "monitor", "priority", 5)).status())
                .isEqualTo(200);
        PolicySet.Verdict monitored = ruleBook.current(orgId).evaluate(call("write_file", Map.of()));
        assertThat(monitored.effect()).as("the default decides; a monitor rule changes nothing").isEqualTo(Effect.DENY);
        assertThat(monitored.ruleName()).isNull();
        assertThat(monitored.monitoredEffect()).isEqualTo(Effect.DENY);

        assertThat(admin.post(base + "/policies/" + policyId + "/disable", null).status()).isEqualTo(200);
        assertThat(verdict(orgId, "read_file", Map.of())).isEqualTo(java.util.Arrays.asList("deny", null, null, null));
        assertThat(admin.put(base + "/governance/default-effect", Json.object("effect", "allow")).status())
                .isEqualTo(200);
        assertThat(verdict(orgId, "read_file", Map.of()).get(0)).isEqualTo("allow");
        assertThat(admin.post(base + "/policies/" + policyId + "/enable", null).status()).isEqualTo(200);
        assertThat(ruleBook.current(orgId).evaluate(call("read_file", Map.of())).monitoredEffect())
                .as("enabled again, still in monitor mode").isEqualTo(Effect.ALERT);
        assertThat(admin.patch(base + "/policies/" + policyId, Json.object("mode", "enforce")).status()).isEqualTo(200);
        assertThat(verdict(orgId, "read_file", Map.of()).get(3)).isEqualTo("reads");

        assertThat(admin.delete(base + "/policies/" + policyId).status()).isEqualTo(200);
        assertThat(ruleBook.current(orgId).policies()).isEmpty();
        assertProblem(admin.delete(base + "/policies/" + policyId), 409, "POLICY_DELETED");
        assertProblem(admin.put(rules, Json.object("rules", List.of())), 409, "POLICY_DELETED");
        assertProblem(admin.post(base + "/policies/" + policyId + "/enable", null), 409, "POLICY_DELETED");
    }

    @Test
    void aChangeThatChangesNothingStoresNothing() {
        Api admin = Api.admin(port);
        String base = "/api/orgs/" + Fixtures.organization(admin).id();
        List<Map<String, Object>> rules = List.of(Json.object("name", "reads", "tool", "read_*", "effect", "allow"));
        String policyId = admin.post(base + "/policies", Json.object("name", "Same", "rules", rules)).id();
        Api.Response again = admin.put(base + "/policies/" + policyId + "/rules", Json.object("rules", rules));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().has("position")).isFalse();
        assertThat(admin.post(base + "/policies/" + policyId + "/enable", null).json().has("position")).isFalse();
    }

    @Test
    void aBadRuleIsA400NamingTheRuleAndWhy() {
        Api admin = Api.admin(port);
        String base = "/api/orgs/" + Fixtures.organization(admin).id();
        Map<String, Object> good = Json.object("name", "fine", "tool", "*", "effect", "allow");
        assertRuleRefused(admin, base, Json.object("name", "bad glob", "tool", "read file", "effect", "deny"),
                "Rule 2 (bad glob): the tool glob 'read?file' may hold only letters");
        assertRuleRefused(admin, base, Json.object("name", "bad pointer", "effect", "deny", "conditions",
                List.of(Json.object("pointer", "path", "operator", "equals", "value", "x"))),
                "Rule 2 (bad pointer), condition 1: 'path' is not a JSON pointer");
        assertRuleRefused(admin, base, Json.object("name", "bad pattern", "effect", "deny", "conditions",
                List.of(Json.object("pointer", "/sql", "operator", "matches", "value", "drop ["))),
                "Rule 2 (bad pattern), condition 1: the pattern is not a valid regular expression (Unclosed"
                        + " character class)");
        assertRuleRefused(admin, base, Json.object("name", "bad effect", "tool", "*", "effect", "block"),
                "Rule 2 (bad effect): effect is one of allow, deny, alert, require-approval");
        assertRuleRefused(admin, base, Json.object("name", "bad operator", "effect", "deny", "conditions",
                List.of(Json.object("pointer", "/a", "operator", "like", "value", "x"))),
                "Rule 2 (bad operator), condition 1: operator is one of equals, in, matches");
        assertRuleRefused(admin, base, Json.object("name", "bad caller", "effect", "deny", "caller",
                Json.object("users", List.of("alice"))), "Rule 2 (bad caller): users holds 'alice', not a usr_ id");
        assertRuleRefused(admin, base, good, "Rule 2: the name 'fine' is used by an earlier rule");
        Api.Response huge = admin.postRaw(base + "/policies", "{\"name\":\"P\",\"rules\":[{\"name\":\"n\","
                + "\"effect\":\"deny\",\"conditions\":[{\"pointer\":\"/n\",\"operator\":\"equals\",\"value\":1e400}]}]}");
        assertProblem(huge, 400, "INVALID_RULE");
        assertThat(huge.json().get("detail").asString()).startsWith("Rule 1 (n), condition 1: equals compares with");
    }

    @Test
    void aBodyOfTheWrongShapeIsA400() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String base = "/api/orgs/" + orgId;
        for (String body : List.of("{\"name\":\"P\",\"rules\":{}}", "{\"name\":\"P\",\"rules\":[5]}",
                "{\"name\":\"P\",\"rules\":[{\"tool\":5,\"effect\":\"deny\"}]}",
                "{\"name\":\"P\",\"rules\":[{\"servers\":\"mcp_x\",\"effect\":\"deny\"}]}",
                "{\"name\":\"P\",\"rules\":[{\"effect\":\"deny\",\"caller\":{\"users\":\"usr_x\"}}]}",
                "{\"name\":\"P\",\"rules\":[{\"effect\":\"deny\",\"conditions\":[{\"pointer\":5}]}]}",
                "{\"name\":\"P\",\"rules\":[{\"effect\":\"deny\",\"unknown\":1}]}",
                "{\"name\":\"P\",\"priority\":\"high\",\"rules\":[]}", "{\"name\":\"P\",\"rules\":[", "[]")) {
            Api.Response response = admin.postRaw(base + "/policies", body);
            assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
        }
        assertProblem(admin.post(base + "/policies", Json.object("name", "No rules")), 400, "INVALID_INPUT");
        assertProblem(admin.post(base + "/policies", Json.object("name", " ", "rules", List.of())), 400,
                "INVALID_POLICY");
        assertProblem(admin.post(base + "/policies", Json.object("name", "P", "mode", "strict", "rules", List.of())),
                400, "INVALID_POLICY");
        assertProblem(admin.post(base + "/policies", Json.object("name", "P", "priority", -1, "rules", List.of())),
                400, "INVALID_POLICY");
        assertThat(jdbc.sql("SELECT count(*) FROM policy_sets WHERE organization_id = ?").param(orgId)
                .query(Long.class).single()).as("nothing refused was written").isZero();

        String policyId = admin.post(base + "/policies", Json.object("name", "P", "rules", List.of(
                Json.object("name", "a", "effect", "deny"), Json.object("name", "b", "effect", "allow")))).id();
        String policy = base + "/policies/" + policyId;
        assertProblem(admin.put(policy + "/rules", Json.object("rules", List.of(), "expectedVersion", 0)), 400,
                "INVALID_INPUT");
        assertThat(admin.putRaw(policy + "/rules", "{\"rules\":[],\"expectedVersion\":\"one\"}").status())
                .isEqualTo(400);
        assertProblem(admin.put(policy + "/rule-order", Json.object("ruleNames", List.of("a"))), 400, "INVALID_POLICY");
        assertProblem(admin.put(policy + "/rule-order", Json.object("ruleNames", List.of("a", "b", "c"))), 400,
                "INVALID_POLICY");
        assertProblem(admin.put(policy + "/rule-order", Json.object()), 400, "INVALID_INPUT");
        assertProblem(admin.patch(policy, Json.object("mode", "loud")), 400, "INVALID_POLICY");
        assertProblem(admin.patch(policy, Json.object("priority", 10_001)), 400, "INVALID_POLICY");
        assertThat(admin.patchRaw(policy, "{\"priority\":true}").status()).isEqualTo(400);
        for (Object effect : java.util.Arrays.asList("alert", "require-approval", "sometimes", null)) {
            assertProblem(admin.put(base + "/governance/default-effect", Json.object("effect", effect)), 400,
                    "INVALID_POLICY");
        }
    }

    @Test
    void aPolicyThatIsMissingOrAnotherOrganizationsIsNotFound() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String otherOrg = Fixtures.organization(admin).id();
        String theirs = admin.post("/api/orgs/" + otherOrg + "/policies", Json.object("name", "Theirs", "rules",
                List.of())).id();
        for (String id : List.of(theirs, IdKind.POLICY.next(), "not-a-policy-id")) {
            String policy = "/api/orgs/" + orgId + "/policies/" + id;
            assertProblem(admin.put(policy + "/rules", Json.object("rules", List.of(), "expectedVersion", 1)), 404,
                    "POLICY_NOT_FOUND");
            assertProblem(admin.post(policy + "/disable", null), 404, "POLICY_NOT_FOUND");
            assertProblem(admin.delete(policy), 404, "POLICY_NOT_FOUND");
        }
        assertThat(ruleBook.current(otherOrg).policies()).extracting(PolicySet.Policy::enabled).containsExactly(true);
    }

    private static void assertRuleRefused(Api admin, String base, Map<String, Object> second, String detail) {
        Api.Response response = admin.post(base + "/policies", Json.object("name", "Bad", "rules", List.of(
                Json.object("name", "fine", "tool", "*", "effect", "allow"), second)));
        assertProblem(response, 400, "INVALID_RULE");
        assertThat(response.json().get("detail").asString()).startsWith(detail);
    }

    /** The effect, policy, version and rule that decide {@code tool} now, as the command side evaluates. */
    private List<Object> verdict(String orgId, String tool, Map<String, Object> arguments) {
        PolicySet.Verdict verdict = ruleBook.current(orgId).evaluate(call(tool, arguments));
        return java.util.Arrays.asList(verdict.effect().wire(), verdict.policyId(), verdict.policyVersion(),
                verdict.ruleName());
    }

    private static PolicySet.Call call(String tool, Map<String, Object> arguments) {
        return new PolicySet.Call(IdKind.MCP_SERVER.next(), tool, arguments, IdKind.USER.next(), null, null, Set.of());
    }
}
