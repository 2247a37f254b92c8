package dev.warden.app.governance;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The MCP proxy's refusals over HTTP, none of which needs an MCP server that answers: who may call it,
 * messages outside a session, malformed messages, foreign origins, a missing server, a suspended or
 * deregistered one, and one that does not answer.
 */
@WardenTest
class McpProxyErrorsApiIT {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

    @LocalServerPort
    int port;

    private Api admin;
    private String orgId;
    private Api agent;
    private String path;

    @BeforeEach
    void organizationWithAServerAndAnAgentKey() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
        agent = admin.anonymous().withToken(key("agent-sessions:write"));
        path = "/api/orgs/" + orgId + "/mcp/" + McpServerFixtures.register(admin, orgId).id();
    }

    @Test
    void aCallerWithoutCredentialsOrWithoutThePermissionIsRefused() {
        Api.Response anonymous = admin.anonymous().postRaw(path, INITIALIZE);
        assertProblem(anonymous, 401, "AUTHENTICATION_REQUIRED");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertProblem(admin.anonymous().withToken("wdn_not-a-key").postRaw(path, INITIALIZE), 401,
                "AUTHENTICATION_REQUIRED");
        assertProblem(admin.anonymous().withToken(key("agent-sessions:read")).postRaw(path, INITIALIZE), 403,
                "PERMISSION_DENIED");
    }

    @Test
    void thereIsNoEventStreamToGet() {
        Api.Response get = agent.get(path);

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).contains("POST").contains("DELETE");
    }

    @Test
    void messagesOutsideAKnownSessionAreRefused() {
        assertProblem(agent.postRaw(path, LIST), 400, "INVALID_MCP_MESSAGE");
        assertProblem(agent.withHeader("Mcp-Session-Id", "unknown").postRaw(path, LIST), 404, "MCP_SESSION_NOT_FOUND");
        assertProblem(agent.withHeader("Mcp-Session-Id", "unknown").send("DELETE", path, null), 404,
                "MCP_SESSION_NOT_FOUND");
        assertProblem(agent.send("DELETE", path, null), 400, "INVALID_MCP_MESSAGE");
    }

    @Test
    void malformedMessagesAndForeignOriginsAreRefused() {
        for (String body : List.of("{", "[" + INITIALIZE + "]", "{\"id\":1,\"method\":\"initialize\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"initialize\"}", "{\"jsonrpc\":\"2.0\",\"id\":1}")) {
            assertProblem(agent.postRaw(path, body), 400, "INVALID_MCP_MESSAGE");
        }
        assertProblem(agent.withHeader("Origin", "http://evil.example").postRaw(path, INITIALIZE), 403,
                "MCP_ORIGIN_REFUSED");
    }

    @Test
    void aMissingServerOrAnotherOrganizationsIsNotFound() {
        String otherServer = McpServerFixtures.register(admin, Fixtures.organization(admin).id()).id();

        assertProblem(agent.postRaw("/api/orgs/" + orgId + "/mcp/" + IdKind.MCP_SERVER.next(), INITIALIZE), 404,
                "MCP_SERVER_NOT_FOUND");
        assertProblem(agent.postRaw("/api/orgs/" + orgId + "/mcp/" + otherServer, INITIALIZE), 404,
                "MCP_SERVER_NOT_FOUND");
        assertProblem(agent.postRaw("/api/orgs/" + orgId + "/mcp/not-an-id", INITIALIZE), 404, "MCP_SERVER_NOT_FOUND");
    }

    @Test
    void aServerThatDoesNotAnswerIsAJsonRpcErrorAndNoSession() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String serverId = admin.post("/api/orgs/" + orgId + "/mcp-servers", Json.object("name", "gone " + Fixtures.unique(),
                "transport", "streamable-http", "url", "http://127.0.0.1:" + closed + "/mcp")).id();

        Api.Response answer = agent.postRaw("/api/orgs/" + orgId + "/mcp/" + serverId, INITIALIZE);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Mcp-Session-Id")).isNull();
        JsonNode error = answer.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32603);
        assertThat(error.get("message").asString()).contains("could not be reached");
        assertThat(answer.json().get("id").asInt()).isZero();
    }

    @Test
    void aSuspendedOrDeregisteredServerIsNotInitializedAndOpensNoSession() {
        String serverId = McpServerFixtures.register(admin, orgId).id();
        String server = "/api/orgs/" + orgId + "/mcp-servers/" + serverId;
        assertThat(admin.post(server + "/suspend", Json.object("reason", "incident")).status()).isEqualTo(200);

        Api.Response suspended = agent.postRaw("/api/orgs/" + orgId + "/mcp/" + serverId, INITIALIZE);
        assertThat(admin.delete(server).status()).isEqualTo(200);
        Api.Response deregistered = agent.postRaw("/api/orgs/" + orgId + "/mcp/" + serverId, INITIALIZE);

        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.header("Mcp-Session-Id")).isNull();
        assertThat(suspended.json().get("error").get("code").asInt()).isEqualTo(-32012);
        assertThat(suspended.json().get("error").get("message").asString())
                .isEqualTo("Denied: MCP server " + serverId + " is suspended");
        assertThat(deregistered.json().get("error").get("code").asInt()).isEqualTo(-32012);
        assertThat(deregistered.json().get("error").get("data").get("reason").asString()).contains("deregistered");
    }

    private String key(String... scopes) {
        return admin.post("/api/orgs/" + orgId + "/api-keys", Json.object("name", "agent " + Fixtures.unique(),
                "scopes", List.of(scopes))).json().get("secret").asString();
    }
}
