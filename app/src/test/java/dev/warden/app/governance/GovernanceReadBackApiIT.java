package dev.warden.app.governance;

import static dev.warden.app.support.Fixtures.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The governance read models follow the command side: a server, its tools, a policy with its versions, the
 * default effect, a session and its decisions written through the command endpoints read back through the
 * queries, and the dry run replays decisions the command side decided and recorded.
 */
@WardenTest
class GovernanceReadBackApiIT {

    @LocalServerPort
    int port;

    Api admin;
    String orgId;
    String base;

    @BeforeEach
    void anOrganization() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
        base = "/api/orgs/" + orgId;
    }

    @Test
    void aServerRegisteredThroughTheApiReadsBackWithItsHeldTool() {
        String serverId = McpServerFixtures.register(admin, orgId).id();
        McpServerFixtures.recordTools(admin, orgId, serverId, McpServerFixtures.tools(McpServerFixtures.ECHO));
        McpServerFixtures.recordTools(admin, orgId, serverId, McpServerFixtures.tools("Echoes, and more"));
        Api.Response suspended = admin.post(base + "/mcp-servers/" + serverId + "/suspend", Json.object("reason",
                "review"));
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);

        JsonNode server = admin.get(base + "/mcp-servers/" + serverId + "?minPosition=" + suspended.position()).json();
        assertThat(server.get("status").asString()).isEqualTo("suspended");
        assertThat(server.get("suspensionReason").asString()).isEqualTo("review");
        assertThat(server.get("transport").asString()).isEqualTo("streamable-http");
        JsonNode tool = items(admin.get(base + "/mcp-servers/" + serverId + "/tools")).get(0);
        assertThat(tool.get("name").asString()).isEqualTo("echo");
        assertThat(tool.get("status").asString()).isEqualTo("held");
        assertThat(tool.get("description").asString()).isEqualTo(McpServerFixtures.ECHO);
        assertThat(tool.get("presentedDescription").asString()).isEqualTo("Echoes, and more");
        assertThat(tool.get("pinnedHash").asString()).startsWith("sha256:").isNotEqualTo(tool.get("presentedHash")
                .asString());
    }

    @Test
    void aPolicyWrittenThroughTheApiReadsBackWithEveryVersion() {
        Api.Response created = admin.post(base + "/policies", Json.object("name", "Written", "rules",
                List.of(Json.object("name", "a", "tool", "read_*", "effect", "allow"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String policyId = created.id();
        Api.Response changed = admin.put(base + "/policies/" + policyId + "/rules", Json.object("rules", List.of(
                Json.object("name", "b", "tool", "*", "effect", "alert", "conditions", List.of(Json.object(
                        "pointer", "/path", "operator", "matches", "value", "/etc/.*"))))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        Api.Response allowed = admin.put(base + "/governance/default-effect", Json.object("effect", "allow"));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);

        JsonNode policy = admin.get(base + "/policies/" + policyId + "?minPosition=" + allowed.position()).json();
        assertThat(policy.get("version").asInt()).isEqualTo(2);
        assertThat(policy.get("priority").asInt()).isEqualTo(100);
        assertThat(policy.get("rules").get(0).get("conditions").get(0).get("operator").asString())
                .isEqualTo("matches");
        assertThat(items(admin.get(base + "/policies/" + policyId + "/versions")))
                .extracting(v -> v.get("rules").get(0).get("name").asString()).containsExactly("b", "a");
        assertThat(admin.get(base + "/governance/default-effect").json().get("defaultEffect").asString())
                .isEqualTo("allow");
    }

    @Test
    void theDryRunReplaysDecisionsTheCommandSideRecorded() {
        String serverId = McpServerFixtures.register(admin, orgId).id();
        Api.Response policy = admin.post(base + "/policies", Json.object("name", "Lookups", "priority", 1, "rules",
                List.of(Json.object("name", "allow-lookup", "tool", "lookup", "effect", "allow"))));
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        Api.Response opened = admin.post(base + "/agent-sessions", Json.object("mcpServerId", serverId));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String sessionId = opened.id();
        Instant from = Instant.now().minusSeconds(600);
        String secretId = decide(sessionId, Map.of("q", "secret plans", "depth", 2));
        decide(sessionId, Map.of("q", "weather"));
        long position = admin.post(base + "/agent-sessions/" + sessionId + "/terminate", Json.object("reason",
                "done")).position();

        JsonNode session = admin.get(base + "/agent-sessions/" + sessionId + "?minPosition=" + position).json();
        assertThat(session.get("allowed").asLong()).isEqualTo(2);
        assertThat(session.get("status").asString()).isEqualTo("terminated");
        Api.Response report = admin.post(base + "/policies/dry-run", Json.object("policyId", policy.id(),
                "rules", List.of(Json.object("name", "no-secrets", "tool", "lookup", "effect", "deny", "conditions",
                        List.of(Json.object("pointer", "/q", "operator", "matches", "value", ".*secret.*"))),
                        Json.object("name", "allow-lookup", "tool", "lookup", "effect", "allow")),
                "from", from.toString(), "to", Instant.now().plusSeconds(600).toString()));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("totals").get("reEvaluated").asLong()).isEqualTo(2);
        JsonNode change = report.json().get("changes").get(0);
        assertThat(List.of(change.get("from").asString(), change.get("to").asString(), change.get("count").asLong()))
                .containsExactly("allow", "deny", 1L);
        assertThat(change.get("examples").get(0).get("decisionId").asString()).isEqualTo(secretId);
        assertThat(report.body()).doesNotContain("secret plans");
    }

    /** A decision on the tool {@code lookup} in the session; its id. */
    private String decide(String sessionId, Map<String, Object> arguments) {
        Api.Response decided = admin.post(base + "/decisions", Json.object("agentSessionId", sessionId, "tool",
                "lookup", "arguments", arguments));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("outcome").asString()).isEqualTo("allow");
        return decided.json().get("decisionId").asString();
    }

}
