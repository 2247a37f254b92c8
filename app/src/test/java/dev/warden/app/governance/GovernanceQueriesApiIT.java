package dev.warden.app.governance;

import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import dev.warden.keys.DataKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The governance queries through REST, on events appended to the log as the command side appends them:
 * the lists and reads answer in the API's names (outcomes and effects as on the wire, the arguments' hash
 * but never their ciphertext), the dry run is a POST the query side answers, bad input is a 400 naming the
 * problem, and another organization's governance answers exactly as missing.
 */
@WardenTest
class GovernanceQueriesApiIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataKeys keys;

    Api admin;
    GovernanceWorld world;
    String base;

    @BeforeEach
    void anOrganizationsGovernance() {
        admin = Api.admin(port);
        world = GovernanceWorld.create(log(), Fixtures.organization(admin).id());
        base = "/api/orgs/" + world.orgId();
    }

    @Test
    void listsAndReadsShowTheRecordInTheApisNames() {
        JsonNode server = admin.get(base + "/mcp-servers/" + world.serverId() + "?minPosition=" + world.position())
                .json();
        assertThat(server.get("status").asString()).isEqualTo("active");
        assertThat(server.get("labels").get("team").asString()).isEqualTo("platform");
        JsonNode tool = items(admin.get(base + "/mcp-servers/" + world.serverId() + "/tools")).get(0);
        assertThat(tool.get("status").asString()).isEqualTo("held");
        assertThat(tool.get("presentedHash").asString()).isEqualTo("sha256:two");

        JsonNode policy = items(admin.get(base + "/policies")).get(0);
        assertThat(policy.get("id").asString()).isEqualTo(world.policyId());
        assertThat(policy.get("mode").asString()).isEqualTo("enforce");
        assertThat(policy.get("rules").get(1).get("effect").asString()).isEqualTo("require-approval");
        assertThat(items(admin.get(base + "/policies/" + world.policyId() + "/versions")))
                .extracting(v -> v.get("version").asInt()).containsExactly(2, 1);
        assertThat(admin.get(base + "/policies/" + world.policyId() + "/versions/1").json().get("rules").size())
                .isEqualTo(1);
        assertThat(admin.get(base + "/governance/default-effect").json().get("defaultEffect").asString()).isEqualTo("deny");

        JsonNode session = admin.get(base + "/agent-sessions/" + world.sessionId()).json();
        assertThat(List.of(session.get("allowed").asLong(), session.get("denied").asLong(),
                session.get("alerted").asLong(), session.get("held").asLong())).containsExactly(1L, 1L, 0L, 1L);
        List<JsonNode> decisions = items(admin.get(base + "/agent-sessions/" + world.sessionId() + "/decisions"));
        assertThat(decisions).extracting(d -> d.get("outcome").asString())
                .containsExactly("approval-required", "deny", "allow");
        assertThat(decisions.toString()).doesNotContain("ciphertext").doesNotContain("hello");
        assertThat(items(admin.get(base + "/decisions?outcome=approval-required"))).extracting(d -> d.get("id")
                .asString()).containsExactly(world.heldId());
        assertThat(items(admin.get(base + "/decisions?from=" + Instant.now().plusSeconds(60)))).isEmpty();
        JsonNode byDefault = admin.get(base + "/decisions/" + world.deniedId()).json();
        assertThat(byDefault.get("policyId").isNull()).isTrue();
        assertThat(byDefault.get("basis").asString()).isEqualTo("default");
        assertThat(items(admin.get(base + "/approvals?status=pending"))).extracting(a -> a.get("id").asString())
                .containsExactly(world.approvalId());
        assertThat(admin.get(base + "/approvals/" + world.approvalId()).json().get("decisionId").asString())
                .isEqualTo(world.heldId());
    }

    @Test
    void missingThingsAndUnusableFiltersAnswerProblems() {
        assertProblem(admin.get(base + "/mcp-servers/" + IdKind.MCP_SERVER.next()), 404, "MCP_SERVER_NOT_FOUND");
        assertProblem(admin.get(base + "/mcp-servers/" + IdKind.MCP_SERVER.next() + "/tools"), 404,
                "MCP_SERVER_NOT_FOUND");
        assertProblem(admin.get(base + "/policies/" + IdKind.POLICY.next() + "/versions"), 404, "POLICY_NOT_FOUND");
        assertProblem(admin.get(base + "/policies/" + world.policyId() + "/versions/3"), 404,
                "POLICY_VERSION_NOT_FOUND");
        assertProblem(admin.get(base + "/policies/" + world.policyId() + "/versions/latest"), 404,
                "POLICY_VERSION_NOT_FOUND");
        assertProblem(admin.get(base + "/agent-sessions/" + IdKind.AGENT_SESSION.next() + "/decisions"), 404,
                "AGENT_SESSION_NOT_FOUND");
        assertProblem(admin.get(base + "/decisions/" + IdKind.DECISION.next()), 404, "DECISION_NOT_FOUND");
        assertProblem(admin.get(base + "/approvals/" + IdKind.APPROVAL.next()), 404, "APPROVAL_NOT_FOUND");
        for (String query : List.of("/decisions?outcome=ALLOW", "/decisions?from=yesterday", "/approvals?status=open",
                "/agent-sessions?status=pending", "/policies?cursor=bm90IGEgY3Vyc29y",
                "/policies/" + world.policyId() + "/versions?cursor=eA")) {
            assertThat(admin.get(base + query).status()).as(query).isEqualTo(400);
        }
    }

    @Test
    void theDryRunIsAQueryOnTheRecordedDecisions() {
        Map<String, Object> range = Json.object("from", Instant.now().minusSeconds(600).toString(),
                "to", Instant.now().plusSeconds(60).toString());
        Api.Response report = admin.post(base + "/policies/dry-run?minPosition=" + world.position(), with(range,
                "policyId", world.policyId(), "rules", List.of(Json.object("name", "deny-echo", "tool", "echo",
                        "effect", "deny"), Json.object("name", "hold-pay", "tool", "pay", "effect", "require-approval")),
                "examples", 1));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode totals = report.json().get("totals");
        assertThat(totals.get("decisions").asLong()).isEqualTo(3);
        assertThat(totals.get("changed").asLong()).isEqualTo(1);
        JsonNode change = report.json().get("changes").get(0);
        assertThat(change.get("from").asString()).isEqualTo("allow");
        assertThat(change.get("to").asString()).isEqualTo("deny");
        assertThat(change.get("examples").get(0).get("decisionId").asString()).isEqualTo(world.allowedId());
        assertThat(change.get("examples").get(0).get("newRule").get("ruleName").asString()).isEqualTo("deny-echo");
        assertThat(admin.get(base + "/policies/" + world.policyId()).json().get("version").asInt())
                .as("nothing changed").isEqualTo(2);

        Api.Response badRule = admin.post(base + "/policies/dry-run", with(range, "priority", 1, "rules",
                List.of(Json.object("name", "odd", "tool", "e cho", "effect", "deny"))));
        assertProblem(badRule, 400, "INVALID_RULE");
        assertThat(badRule.json().get("detail").asString()).contains("Rule 1 (odd)");
        assertProblem(admin.post(base + "/policies/dry-run", Json.object("priority", 1)), 400, "INVALID_DRY_RUN");
        Api.Response renamed = admin.post(base + "/policies/dry-run", with(range, "name", "Echo only", "rules",
                List.of(Json.object("name", "allow-rm", "tool", "rm", "effect", "allow"))));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("changes").get(0).get("to").asString()).as("after the policy of priority 10")
                .isEqualTo("allow");
        Api.Response perhaps = admin.post(base + "/policies/dry-run", with(range, "priority", 1, "rules",
                List.of(Json.object("tool", "x", "effect", "perhaps"))));
        assertProblem(perhaps, 400, "INVALID_RULE");
        assertThat(perhaps.json().get("detail").asString()).contains("Rule 1").contains("effect");
        assertProblem(admin.post(base + "/policies/dry-run", with(range, "mode", "audit")), 400, "INVALID_POLICY");
        assertProblem(admin.post(base + "/policies/dry-run", with(range, "policyId", IdKind.POLICY.next())), 404,
                "POLICY_NOT_FOUND");

        Api.Response key = admin.post(base + "/api-keys", Json.object("name", "servers only " + Fixtures.unique(),
                "scopes", List.of("mcp-servers:read")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Api serversOnly = admin.anonymous().withToken(key.json().get("secret").asString());
        assertThat(serversOnly.get(base + "/mcp-servers").status()).isEqualTo(200);
        assertProblem(serversOnly.post(base + "/policies/dry-run", with(range, "priority", 1)), 403,
                "PERMISSION_DENIED");
    }

    /**
     * A dry run opens the recorded arguments and answers, per decision, whether a proposed rule matches
     * them: a reader could learn any argument a pattern at a time, so only who writes policies runs one.
     */
    @Test
    void theDryRunIsForWhoWritesPolicies() {
        Api viewer = Fixtures.signedInUser(admin, world.orgId()).api();
        assertThat(viewer.get(base + "/policies").status()).as("a Viewer reads policies").isEqualTo(200);
        Api.Response probe = viewer.post(base + "/policies/dry-run", Json.object("priority", 1, "rules",
                List.of(Json.object("name", "probe", "conditions", List.of(Json.object("pointer", "/text",
                        "operator", "matches", "value", "h.*")), "effect", "deny")),
                "from", Instant.now().minusSeconds(600).toString(), "to", Instant.now().plusSeconds(60).toString()));
        assertProblem(probe, 403, "PERMISSION_DENIED");
    }

    @Test
    void anotherOrganizationsGovernanceAnswersAsMissing() {
        GovernanceWorld other = GovernanceWorld.create(log(), Fixtures.organization(admin).id());
        admin.get("/api/orgs/" + other.orgId() + "/approvals?minPosition=" + other.position());
        Map<String, String> theirs = Map.of("/mcp-servers/%s", other.serverId(), "/mcp-servers/%s/tools",
                other.serverId(), "/policies/%s", other.policyId(), "/policies/%s/versions", other.policyId(),
                "/policies/%s/versions/1", other.policyId(), "/agent-sessions/%s", other.sessionId(),
                "/agent-sessions/%s/decisions", other.sessionId(), "/decisions/%s", other.allowedId(),
                "/approvals/%s", other.approvalId());
        for (Map.Entry<String, String> read : theirs.entrySet()) {
            String missing = read.getValue().substring(0, read.getValue().indexOf('_') + 1) + "x" + Fixtures.unique();
            Api.Response their = admin.get(base + read.getKey().formatted(read.getValue()));
            Api.Response none = admin.get(base + read.getKey().formatted(missing));
            assertThat(their.status()).as(read.getKey()).isEqualTo(404);
            assertThat(their.code()).as(read.getKey()).isEqualTo(none.code());
            assertThat(their.json().get("detail").asString().replace(read.getValue(), "ID"))
                    .isEqualTo(none.json().get("detail").asString().replace(missing, "ID"));
        }
        for (String list : List.of("/mcp-servers", "/policies", "/agent-sessions", "/decisions", "/approvals",
                "/agent-sessions/" + world.sessionId() + "/decisions", "/mcp-servers/" + world.serverId() + "/tools")) {
            String rows = items(admin.get(base + list + "?limit=200")).toString();
            assertThat(rows).as(list).isNotEqualTo("[]");
            other.ids().forEach(id -> assertThat(rows).as(list).doesNotContain(id));
        }
        Api.Response dryRun = admin.post(base + "/policies/dry-run", Json.object("policyId", other.policyId(),
                "from", Instant.now().minusSeconds(600).toString(), "to", Instant.now().plusSeconds(60).toString()));
        assertProblem(dryRun, 404, "POLICY_NOT_FOUND");
    }

    private GovernanceLog log() {
        return new GovernanceLog(events, transactions, jdbc, keys);
    }

    private static Map<String, Object> with(Map<String, Object> range, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>(range);
        body.putAll(Json.object(more));
        return body;
    }
}
