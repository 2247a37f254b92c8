package dev.warden.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The MCP proxy with parts nobody here wrote: the official TypeScript SDK's client (1.32.2) calls
 * Warden's proxy with an API key, and the proxy fronts the reference server (server-everything,
 * streamable HTTP on a loopback port). Allowed, denied, approval-required and suspended-server calls,
 * a changed tool definition (the reference server upgraded in place under the same URL), and progress
 * relayed while a call runs.
 */
@WardenTest
class McpProxyInteropIT {

    @LocalServerPort
    int port;

    private Process server;
    private int serverPort;

    @BeforeAll
    static void installTheNpmPackages() throws Exception {
        NodeMcp.install();
    }

    @AfterEach
    void stopTheServer() throws InterruptedException {
        NodeMcp.stop(server, serverPort);
    }

    @Test
    void theTypeScriptClientCallsTheReferenceServerThroughTheProxyUnderPolicy() throws Exception {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String agentKey = apiKey(admin, orgId, "agent-sessions:write");
        serverPort = NodeMcp.freePort();
        server = NodeMcp.startServer(NodeMcp.OLD_SERVER, serverPort);
        String serverId = created(admin.post("/api/orgs/" + orgId + "/mcp-servers", Json.object("name",
                "everything " + Fixtures.unique(), "transport", "streamable-http",
                "url", "http://127.0.0.1:" + serverPort + "/mcp"))).id();
        String policyId = created(admin.post("/api/orgs/" + orgId + "/policies", Json.object("name", "agents",
                "mode", "enforce", "priority", 10, "rules", List.of(
                        rule("no-env-dump", "printEnv", "deny"),
                        rule("sums-need-approval", "add", "require-approval"),
                        rule("everything-else", "*", "allow"))))).id();
        String url = "http://localhost:" + port + "/api/orgs/" + orgId + "/mcp/" + serverId;

        try (McpClientProcess agent = new McpClientProcess(url, agentKey, "client-agent.log")) {
            JsonNode connected = agent.ok("connect");
            assertThat(connected.get("protocolVersion").asString()).isEqualTo("2025-11-25");
            assertThat(connected.get("sessionId").asString()).matches("[A-Za-z0-9_-]{43}");
            assertThat(names(agent.ok("list"))).contains("echo", "add", "printEnv");

            assertThat(text(agent.ok("call", "name", "echo", "arguments", Map.of("message", "hi"))))
                    .isEqualTo("Echo: hi");

            JsonNode denied = agent.error("call", "name", "printEnv", "arguments", Map.of());
            assertThat(denied.get("class").asString()).isEqualTo("McpError");
            assertThat(denied.get("code").asInt()).isEqualTo(-32010);
            assertThat(denied.get("data").get("decision").asString()).isEqualTo("deny");
            assertThat(denied.get("data").get("policyId").asString()).isEqualTo(policyId);
            assertThat(denied.get("data").get("rule").asString()).isEqualTo("no-env-dump");

            approvalThenTheSameCallOnly(admin, orgId, agent);
            rugPull(admin, orgId, serverId, agent);
            progressIsRelayedAsItHappens(agent);

            created(admin.post("/api/orgs/" + orgId + "/mcp-servers/" + serverId + "/suspend",
                    Json.object("reason", "incident")), 200);
            JsonNode suspended = agent.error("call", "name", "echo", "arguments", Map.of("message", "hi"));
            assertThat(suspended.get("code").asInt()).isEqualTo(-32012);
            assertThat(suspended.get("data").get("reason").asString()).contains("suspended");

            agent.ok("terminate");
        }
        try (McpClientProcess stranger = new McpClientProcess(url, "wdn_not-a-key", "client-stranger.log")) {
            JsonNode refused = stranger.error("connect");
            assertThat(refused.get("code").asInt()).isEqualTo(401);
        }
    }

    /** A call held for approval goes ahead once approved, with the same arguments only. */
    private static void approvalThenTheSameCallOnly(Api admin, String orgId, McpClientProcess agent) throws Exception {
        JsonNode held = agent.error("call", "name", "add", "arguments", Map.of("a", 1, "b", 2));
        assertThat(held.get("code").asInt()).isEqualTo(-32011);
        String approvalId = held.get("data").get("approvalId").asString();
        String sessionId = held.get("data").get("agentSessionId").asString();
        assertThat(approvalId).startsWith("apv_");
        assertThat(held.get("data").get("expiresAt").asString()).isNotBlank();

        created(admin.post("/api/orgs/" + orgId + "/agent-sessions/" + sessionId + "/approvals/" + approvalId
                + "/approve", Json.object("reason", "fine")), 200);

        assertThat(text(agent.ok("call", "name", "add", "arguments", Map.of("a", 1, "b", 2))))
                .isEqualTo("The sum of 1 and 2 is 3.");
        JsonNode other = agent.error("call", "name", "add", "arguments", Map.of("a", 2, "b", 2));
        assertThat(other.get("code").asInt()).isEqualTo(-32011);
        assertThat(other.get("data").get("approvalId").asString()).isNotEqualTo(approvalId);
    }

    /**
     * The server is upgraded in place: echo's definition changed, so echo is held (hidden and denied) in
     * the very session the agent had open, until a member approves the new definition.
     */
    private void rugPull(Api admin, String orgId, String serverId, McpClientProcess agent) throws Exception {
        NodeMcp.stop(server, serverPort);
        server = NodeMcp.startServer(NodeMcp.NEW_SERVER, serverPort);

        List<String> tools = names(agent.ok("list"));
        assertThat(tools).contains("get-env", "get-sum").doesNotContain("echo");
        JsonNode heldEcho = agent.error("call", "name", "echo", "arguments", Map.of("message", "hi"));
        assertThat(heldEcho.get("code").asInt()).isEqualTo(-32010);
        assertThat(heldEcho.get("data").get("reason").asString()).contains("held");

        JsonNode changed = Fixtures.items(admin.get("/api/orgs/" + orgId
                + "/audit?limit=10&eventType=ToolDefinitionChangedEvent")).get(0).get("payload");
        assertThat(changed.get("toolName").asString()).isEqualTo("echo");
        created(admin.post("/api/orgs/" + orgId + "/mcp-servers/" + serverId + "/tools/echo/approve",
                Json.object("definitionHash", changed.get("presentedHash").asString())), 200);

        assertThat(names(agent.ok("list"))).contains("echo");
        assertThat(text(agent.ok("call", "name", "echo", "arguments", Map.of("message", "back"))))
                .isEqualTo("Echo: back");
    }

    /** Progress notifications on a call's event stream reach the agent in order, as they happen. */
    private static void progressIsRelayedAsItHappens(McpClientProcess agent) throws Exception {
        JsonNode result = agent.ok("call", "name", "trigger-long-running-operation", "arguments",
                Map.of("duration", 1.2, "steps", 3));

        assertThat(text(result)).startsWith("Long running operation completed");
        JsonNode progress = result.get("progress");
        assertThat(progress).extracting(p -> p.get("progress").asInt()).containsExactly(1, 2, 3);
        assertThat(result.get("took").asLong() - progress.get(0).get("at").asLong())
                .as("the first step's progress came before the call ended, not with its result").isGreaterThan(300);
    }

    private static Map<String, Object> rule(String name, String tool, String effect) {
        return Json.object("name", name, "tool", tool, "effect", effect);
    }

    private static String apiKey(Api admin, String orgId, String... scopes) {
        return created(admin.post("/api/orgs/" + orgId + "/api-keys", Json.object("name", "agent " + Fixtures.unique(),
                "scopes", List.of(scopes)))).json().get("secret").asString();
    }

    private static List<String> names(JsonNode list) {
        return Fixtures.strings(list);
    }

    private static String text(JsonNode result) {
        assertThat(result.path("isError").asBoolean(false)).as(result.toString()).isFalse();
        return result.get("content").get(0).get("text").asString();
    }

    private static Api.Response created(Api.Response response) {
        return created(response, 201);
    }

    private static Api.Response created(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }
}
