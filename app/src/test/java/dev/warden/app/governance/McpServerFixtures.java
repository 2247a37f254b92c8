package dev.warden.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import java.util.List;
import java.util.Map;

/** MCP servers for API tests: a registered server, and tool lists as a server's {@code tools/list} answers them. */
public final class McpServerFixtures {

    /** The description of the sample tool {@code echo}, before a change. */
    public static final String ECHO = "Echoes back the input string";

    private McpServerFixtures() {
    }

    /** Registers a streamable-http server with a unique name in {@code orgId}; the response carries its id. */
    public static Api.Response register(Api api, String orgId) {
        Api.Response registered = api.post("/api/orgs/" + orgId + "/mcp-servers", registration("Server " + Fixtures.unique()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered;
    }

    /** A valid registration body named {@code name}. */
    public static Map<String, Object> registration(String name) {
        return Json.object("name", name, "transport", "streamable-http", "url", "https://mcp.example.com/" + Fixtures.unique(),
                "labels", Map.of("team", "platform"));
    }

    /** The body of {@code PUT .../tools} with the tool {@code echo} described as {@code description}. */
    public static Map<String, Object> tools(String description) {
        return Json.object("tools", List.of(echo(description)));
    }

    /** The tool {@code echo} as the reference server lists it, with the given description. */
    public static Map<String, Object> echo(String description) {
        return Json.object("name", "echo", "description", description, "inputSchema", Json.object(
                "$schema", "http://json-schema.org/draft-07/schema#", "type", "object",
                "properties", Json.object("message", Json.object("type", "string", "description", "Message to echo")),
                "required", List.of("message")));
    }

    /** Records the tools of {@code body} on the server; answers what became of them. */
    public static Api.Response recordTools(Api api, String orgId, String serverId, Object body) {
        Api.Response recorded = api.put("/api/orgs/" + orgId + "/mcp-servers/" + serverId + "/tools", body);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        return recorded;
    }
}
