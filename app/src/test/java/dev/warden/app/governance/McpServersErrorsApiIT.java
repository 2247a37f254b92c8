package dev.warden.app.governance;

import static dev.warden.app.governance.McpServerFixtures.ECHO;
import static dev.warden.app.governance.McpServerFixtures.echo;
import static dev.warden.app.governance.McpServerFixtures.registration;
import static dev.warden.app.governance.McpServerFixtures.tools;
import static dev.warden.app.support.Problems.assertInvalid;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.credentials.CredentialFixtures;
import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every way the MCP server API refuses a request: the status, a problem+json body with its
 * {@code code}, and that a refused command stores nothing (the organization's audit trail does not move).
 */
@WardenTest
class McpServersErrorsApiIT {

    @LocalServerPort
    int port;

    Api admin;
    String orgId;
    String base;
    String serverId;
    String server;

    @BeforeEach
    void aRegisteredServer() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
        base = "/api/orgs/" + orgId + "/mcp-servers";
        serverId = McpServerFixtures.register(admin, orgId).id();
        server = base + "/" + serverId;
    }

    @Test
    void malformedInputIs400NamingTheFieldOrTheRule() {
        long before = head();
        assertInvalid(admin.post(base, Json.object("transport", "sse", "url", "https://a.example.com")),
                "INVALID_INPUT", "name");
        assertInvalid(admin.post(base, with("name", "n".repeat(101))), "INVALID_INPUT", "name");
        assertProblem(admin.post(base, with("name", "Bell\u0007")), 400, "INVALID_SERVER_NAME");
        assertProblem(admin.post(base, with("transport", "websocket")), 400, "INVALID_TRANSPORT");
        assertProblem(admin.post(base, with("url", "ftp://mcp.example.com")), 400, "INVALID_TRANSPORT");
        assertProblem(admin.post(base, with("url", "https://user:hunter2@mcp.example.com")), 400, "INVALID_TRANSPORT");
        assertProblem(admin.post(base, Json.object("name", "Local", "transport", "stdio")), 400, "INVALID_TRANSPORT");
        assertProblem(admin.post(base, Json.object("name", "Local", "transport", "stdio", "command", "npx x",
                "url", "https://mcp.example.com")), 400, "INVALID_TRANSPORT");
        assertProblem(admin.post(base, with("labels", Map.of("Team", "x"))), 400, "INVALID_LABELS");
        assertProblem(admin.put(server, with("name", "\u202Egnp.exe")), 400, "INVALID_SERVER_NAME");
        assertProblem(admin.post(server + "/suspend", Json.object("reason", "zero\u200Bwidth")), 400,
                "INVALID_SUSPENSION_REASON");
        assertInvalid(admin.post(server + "/suspend", Json.object("reason", "r".repeat(501))), "INVALID_INPUT",
                "reason");
        assertThat(admin.post(base, with("url", "https://user:hunter2@mcp.example.com")).body())
                .doesNotContain("hunter2");

        String tools = server + "/tools";
        assertInvalid(admin.put(tools, Json.object()), "INVALID_INPUT", "tools");
        assertProblem(admin.put(tools, Json.object("tools", List.of(Json.object("name", "echo", "description", "x",
                "inputSchema", "not an object")))), 400, "INVALID_TOOL_LIST");
        assertProblem(admin.put(tools, Json.object("tools", List.of(echo(ECHO), echo("Other")))), 400,
                "INVALID_TOOL_LIST");
        assertProblem(admin.put(tools, tools("Echoes\u2066hidden")), 400, "INVALID_TOOL_LIST");
        assertInvalid(admin.put(tools, Json.object("tools", List.of(Json.object("name", "echo")))), "INVALID_INPUT",
                "tools[0].inputSchema");
        assertInvalid(admin.post(tools + "/echo/approve", Json.object("definitionHash", "md5:abc")), "INVALID_INPUT",
                "definitionHash");
        assertThat(head()).as("nothing was stored").isEqualTo(before);
    }

    @Test
    void anotherOrganizationsServerAndAMalformedIdAre404() {
        String otherOrg = Fixtures.organization(admin).id();
        String theirs = McpServerFixtures.register(admin, otherOrg).id();
        long before = head();
        for (String id : List.of(theirs, IdKind.MCP_SERVER.next(), "mcp_short", IdKind.POLICY.next())) {
            String path = base + "/" + id;
            assertProblem(admin.put(path, registration("Stolen")), 404, "MCP_SERVER_NOT_FOUND");
            assertProblem(admin.post(path + "/suspend", null), 404, "MCP_SERVER_NOT_FOUND");
            assertProblem(admin.post(path + "/resume", null), 404, "MCP_SERVER_NOT_FOUND");
            assertProblem(admin.delete(path), 404, "MCP_SERVER_NOT_FOUND");
            assertProblem(admin.put(path + "/tools", tools(ECHO)), 404, "MCP_SERVER_NOT_FOUND");
            assertProblem(admin.post(path + "/tools/echo/approve", Json.object("definitionHash",
                    "sha256:" + "0".repeat(64))), 404, "MCP_SERVER_NOT_FOUND");
        }
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void conflictsAre409() {
        String otherId = McpServerFixtures.register(admin, orgId).id();
        String takenName = "Taken twice " + Fixtures.unique();
        assertThat(admin.post(base, registration(takenName)).status()).isEqualTo(201);
        assertProblem(admin.post(base, registration(takenName.toUpperCase())), 409, "SERVER_NAME_TAKEN");
        assertProblem(admin.put(base + "/" + otherId, registration(takenName)), 409, "SERVER_NAME_TAKEN");

        McpServerFixtures.recordTools(admin, orgId, serverId, tools(ECHO));
        Api.Response notHeld = admin.post(server + "/tools/echo/approve", Json.object("definitionHash",
                "sha256:" + "0".repeat(64)));
        assertProblem(notHeld, 409, "TOOL_NOT_HELD");
        String presented = McpServerFixtures.recordTools(admin, orgId, serverId, tools("Changed")).json()
                .get("held").get(0).get("presentedHash").asString();
        Api.Response otherHash = admin.post(server + "/tools/echo/approve", Json.object("definitionHash",
                "sha256:" + "1".repeat(64)));
        assertProblem(otherHash, 409, "TOOL_NOT_HELD");
        assertThat(otherHash.json().get("presentedHash").asString()).isEqualTo(presented);

        assertThat(admin.delete(server).status()).isEqualTo(200);
        long before = head();
        assertProblem(admin.delete(server), 409, "SERVER_DEREGISTERED");
        assertProblem(admin.post(server + "/resume", null), 409, "SERVER_DEREGISTERED");
        assertProblem(admin.put(server + "/tools", tools(ECHO)), 409, "SERVER_DEREGISTERED");
        assertProblem(admin.post(server + "/tools/echo/approve", Json.object("definitionHash", presented)), 409,
                "SERVER_DEREGISTERED");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void aCredentialTheOrganizationCannotUseIs422() {
        String otherOrg = Fixtures.organization(admin).id();
        String theirs = CredentialFixtures.storeAws(admin, otherOrg).id();
        String destroyed = CredentialFixtures.storeAws(admin, orgId).id();
        assertThat(admin.post("/api/orgs/" + orgId + "/credentials/" + destroyed + "/destroy", null).status())
                .isEqualTo(200);
        long before = head();
        for (String credentialId : List.of(theirs, destroyed, IdKind.CREDENTIAL.next(), IdKind.APP_CREDENTIAL.next(),
                "not-a-credential")) {
            Api.Response refused = admin.post(base, with("credentialId", credentialId));
            assertProblem(refused, 422, "CREDENTIAL_NOT_USABLE");
            assertProblem(admin.put(server, with("credentialId", credentialId)), 422, "CREDENTIAL_NOT_USABLE");
        }
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void approvingNeedsTheApprovePermission() {
        String secret = admin.post("/api/orgs/" + orgId + "/api-keys", Json.object("name", "writer " + Fixtures.unique(),
                "scopes", List.of("mcp-servers:write"))).json().get("secret").asString();
        Api writer = admin.anonymous().withToken(secret);
        assertThat(McpServerFixtures.recordTools(writer, orgId, serverId, tools(ECHO)).json().get("pinned").toString())
                .isEqualTo("[\"echo\"]");
        String held = McpServerFixtures.recordTools(writer, orgId, serverId, tools("Changed")).json()
                .get("held").get(0).get("presentedHash").asString();
        assertProblem(writer.post(server + "/tools/echo/approve", Json.object("definitionHash", held)), 403,
                "PERMISSION_DENIED");
    }

    @Test
    void aHeldDefinitionIsApprovedBySignedInMembersOnly() {
        String secret = admin.post("/api/orgs/" + orgId + "/api-keys", Json.object("name", "agent " + Fixtures.unique(),
                "scopes", List.of("mcp-servers:write", "mcp-servers:approve"))).json().get("secret").asString();
        Api agent = admin.anonymous().withToken(secret);
        McpServerFixtures.recordTools(agent, orgId, serverId, tools(ECHO));
        String held = McpServerFixtures.recordTools(agent, orgId, serverId, tools("Changed")).json()
                .get("held").get(0).get("presentedHash").asString();
        long before = head();
        assertProblem(agent.post(server + "/tools/echo/approve", Json.object("definitionHash", held)), 403,
                "USERS_ONLY");
        assertThat(head()).as("the key approved nothing").isEqualTo(before);
        assertThat(admin.post(server + "/tools/echo/approve", Json.object("definitionHash", held)).status())
                .isEqualTo(200);
    }

    /** A valid registration with {@code field} set to {@code value}. */
    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(registration("Server " + Fixtures.unique()));
        body.put(field, value);
        return body;
    }

    /** The newest position of the organization's audit trail. */
    private long head() {
        return Fixtures.items(admin.get("/api/orgs/" + orgId + "/audit?limit=1")).get(0).get("position").asLong();
    }
}
