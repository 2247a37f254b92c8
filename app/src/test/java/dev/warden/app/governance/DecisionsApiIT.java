package dev.warden.app.governance;

import static dev.warden.app.governance.AgentSessionFixtures.condition;
import static dev.warden.app.governance.AgentSessionFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.warden.app.governance.AgentSessionFixtures.Agent;
import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.command.governance.AgentSessionSettings;
import dev.warden.events.governance.SealedArguments;
import dev.warden.keys.DataKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Decisions through REST: an agent's calls answered allow, deny, alert or approval-required with the
 * policy, version and rule that decided (the default when none matched, deny unless set), the
 * server's standing and the session's before any rule, the caller's roles matched through its key,
 * and the arguments kept only as a hash and a ciphertext.
 */
@WardenTest
class DecisionsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataKeys keys;

    @Autowired
    Clock clock;

    @Autowired
    AgentSessionSettings settings;

    Api admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin(port);
    }

    @Test
    void theRulesDecideInOrderAndTheAnswerNamesWhatDecided() {
        Agent agent = AgentSessionFixtures.agent(admin);
        String policyId = AgentSessionFixtures.policy(admin, agent.orgId(), List.of(
                rule("no-secrets", "echo", "deny", condition("/message", "matches", ".*secret.*")),
                rule("flag", "echo", "alert", condition("/message", "equals", "flag me")),
                rule("ask", "echo", "require-approval", condition("/message", "in", List.of("ask me", "ask"))),
                rule("echo-ok", "ech?", "allow")));
        String session = agent.open();

        JsonNode allowed = agent.decide(session, "echo", Map.of("message", "hello"));
        assertThat(allowed.get("outcome").asString()).isEqualTo("allow");
        assertThat(allowed.get("policyId").asString()).isEqualTo(policyId);
        assertThat(allowed.get("policyVersion").asInt()).isEqualTo(1);
        assertThat(allowed.get("ruleName").asString()).isEqualTo("echo-ok");
        assertThat(allowed.get("decisionId").asString()).startsWith("dec_");
        assertThat(allowed.get("agentSessionId").asString()).isEqualTo(session);
        assertThat(allowed.get("mcpServerId").asString()).isEqualTo(agent.serverId());
        assertThat(allowed.get("argumentsHash").asString())
                .isEqualTo(AgentSessionFixtures.sha256("{\"message\":\"hello\"}"));
        assertThat(allowed.get("reason").asString()).contains("echo-ok", policyId);
        assertThat(allowed.has("arguments")).isFalse();

        assertDecided(agent.decide(session, "echo", Map.of("message", "my secret")), "deny", "no-secrets");
        assertDecided(agent.decide(session, "echo", Map.of("message", "flag me")), "alert", "flag");
        JsonNode held = agent.decide(session, "echo", Map.of("message", "ask"));
        assertDecided(held, "approval-required", "ask");
        assertThat(held.get("approvalId").asString()).startsWith("apv_");
        assertThat(Instant.parse(held.get("approvalExpiresAt").asString()))
                .isCloseTo(clock.instant().plus(settings.approvalTtl()), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void nothingMatchingDeniesUntilTheOrganizationDefaultsToAllow() {
        Agent agent = AgentSessionFixtures.agent(admin);
        String session = agent.open();

        JsonNode denied = agent.decide(session, "echo", Map.of("message", "hello"));
        assertThat(denied.get("outcome").asString()).isEqualTo("deny");
        assertThat(denied.get("policyId").isNull()).isTrue();
        assertThat(denied.get("ruleName").isNull()).isTrue();
        assertThat(denied.get("reason").asString()).isEqualTo("No rule matched; the organization's default is deny");
        assertThat(denied.get("basis").asString()).isEqualTo("default");

        AgentSessionFixtures.defaultEffect(admin, agent.orgId(), "allow");
        assertThat(agent.decide(session, "echo", Map.of("message", "hello")).get("outcome").asString())
                .as("the next decision sees the new default").isEqualTo("allow");
    }

    @Test
    void theServersStandingComesBeforeTheRules() {
        Agent agent = AgentSessionFixtures.agent(admin);
        AgentSessionFixtures.defaultEffect(admin, agent.orgId(), "allow");
        String session = agent.open();
        String server = agent.base() + "/mcp-servers/" + agent.serverId();

        assertThat(admin.post(server + "/suspend", Json.object("reason", "incident")).status()).isEqualTo(200);
        JsonNode suspended = agent.decide(session, "echo", Map.of("message", "hello"));
        assertThat(suspended.get("outcome").asString()).isEqualTo("deny");
        assertThat(suspended.get("reason").asString()).contains("suspended");
        assertThat(suspended.get("basis").asString()).isEqualTo("server");
        assertThat(admin.post(server + "/resume", null).status()).isEqualTo(200);
        assertThat(agent.decide(session, "echo", Map.of()).get("outcome").asString()).isEqualTo("allow");

        McpServerFixtures.recordTools(admin, agent.orgId(), agent.serverId(),
                McpServerFixtures.tools(McpServerFixtures.ECHO + " and now something else"));
        JsonNode held = agent.decide(session, "echo", Map.of("message", "hello"));
        assertThat(held.get("outcome").asString()).isEqualTo("deny");
        assertThat(held.get("reason").asString()).contains("held");
        assertThat(held.get("basis").asString()).isEqualTo("held-tool");
        assertThat(agent.decide(session, "never_listed", Map.of()).get("outcome").asString())
                .as("a tool the server never listed is the rules' business").isEqualTo("allow");
    }

    @Test
    void aDecisionNamingTheServerOpensASessionForTheCaller() {
        Agent agent = AgentSessionFixtures.agent(admin);
        AgentSessionFixtures.defaultEffect(admin, agent.orgId(), "allow");

        Api.Response first = agent.api().post(agent.base() + "/decisions", Json.object("mcpServerId",
                agent.serverId(), "agentName", "claude", "tool", "echo", "arguments", Map.of("message", "hi")));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String session = first.json().get("agentSessionId").asString();
        assertThat(session).startsWith("ags_");
        assertThat(agent.decide(session, "echo", Map.of()).get("agentSessionId").asString()).isEqualTo(session);

        Api.Response terminated = admin.post(agent.base() + "/agent-sessions/" + session + "/terminate",
                Json.object("reason", "runaway agent"));
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        JsonNode denied = agent.decide(session, "echo", Map.of());
        assertThat(denied.get("outcome").asString()).isEqualTo("deny");
        assertThat(denied.get("reason").asString()).isEqualTo("Denied: the agent session was terminated: runaway agent");

        String other = agent.open();
        assertThat(agent.api().post(agent.base() + "/agent-sessions/" + other + "/close", null).status()).isEqualTo(200);
        assertThat(agent.decide(other, "echo", Map.of()).get("reason").asString())
                .isEqualTo("Denied: the agent session was closed");
    }

    @Test
    void rulesOnRolesMatchTheMembersRolesAndAKeyHoldsItsIssuers() {
        String orgId = Fixtures.organization(admin).id();
        String editorRole = Fixtures.systemRole(admin, orgId, 0, "Editor");
        String adminRole = Fixtures.systemRole(admin, orgId, 0, "Admin");
        Fixtures.SignedIn editor = member(orgId, editorRole);
        Fixtures.SignedIn manager = member(orgId, Fixtures.systemRole(admin, orgId, 0, "Manager"));
        Agent adminsKey = AgentSessionFixtures.agentIn(admin, orgId);
        AgentSessionFixtures.policy(admin, orgId, List.of(
                Json.object("name", "editors", "tool", "*", "caller", Json.object("roles", List.of(editorRole)),
                        "effect", "allow"),
                Json.object("name", "admins", "tool", "*", "caller", Json.object("roles", List.of(adminRole)),
                        "effect", "alert")));

        Agent asEditor = new Agent(orgId, adminsKey.serverId(), null, editor.api());
        Agent asManager = new Agent(orgId, adminsKey.serverId(), null, manager.api());
        assertDecided(asEditor.decide(asEditor.open(), "echo", Map.of()), "allow", "editors");
        assertDecided(adminsKey.decide(adminsKey.open(), "echo", Map.of()), "alert", "admins");
        JsonNode nobody = asManager.decide(asManager.open(), "echo", Map.of());
        assertThat(nobody.get("outcome").asString()).isEqualTo("deny");
        assertThat(nobody.get("ruleName").isNull()).isTrue();
    }

    @Test
    void theArgumentsAreKeptOnlyAsAHashAndACiphertextBoundToTheDecision() {
        Agent agent = AgentSessionFixtures.agent(admin);
        String session = agent.open();
        String canary = "canary-" + Fixtures.unique();

        Api.Response answer = agent.ask(session, "echo", Map.of("message", canary, "n", 1.0));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain(canary);
        String decisionId = answer.json().get("decisionId").asString();

        Map<String, Object> recorded = jdbc.sql("SELECT payload::text AS text, payload ->> 'argumentsHash' AS hash,"
                        + " payload -> 'arguments' ->> 'ciphertext' AS ciphertext FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload ->> 'decisionId' = ?")
                .params(session, decisionId).query().singleRow();
        assertThat((String) recorded.get("text")).doesNotContain(canary);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload::text LIKE ?")
                .param("%" + canary + "%").query(Long.class).single()).isZero();
        String canonical = "{\"message\":\"" + canary + "\",\"n\":1}";
        assertThat(recorded.get("hash")).isEqualTo(AgentSessionFixtures.sha256(canonical));
        byte[] ciphertext = Base64.getDecoder().decode((String) recorded.get("ciphertext"));
        assertThat(keys.decryptText(SealedArguments.subject(agent.orgId()), ciphertext,
                SealedArguments.associatedData(session, decisionId))).isEqualTo(canonical);
    }

    private Fixtures.SignedIn member(String orgId, String roleId) {
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, orgId);
        Api.Response changed = admin.put("/api/orgs/" + orgId + "/members/" + user.userId() + "/role",
                Json.object("roleId", roleId));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return user;
    }

    private static void assertDecided(JsonNode decision, String outcome, String rule) {
        assertThat(decision.get("outcome").asString()).as(decision.toString()).isEqualTo(outcome);
        assertThat(decision.get("ruleName").asString()).isEqualTo(rule);
    }
}
