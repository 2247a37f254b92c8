package dev.warden.app.security;

import dev.warden.app.governance.McpServerFixtures;
import dev.warden.app.support.Api;
import dev.warden.app.support.Json;
import dev.warden.command.governance.ToolDefinitionHash;
import java.util.List;
import java.util.Map;

/**
 * An organization's MCP server for the tests that call every endpoint: registered, its tool
 * {@code echo} pinned and then held with a changed definition, which the approve endpoint's body
 * names. It fills the path variables of the MCP server endpoints and gives their request bodies.
 */
record McpServerWorld(String serverId) {

    /** The description {@code echo} is held with. */
    static final String CHANGED = McpServerFixtures.ECHO + " (changed)";
    /** The hash of the held definition. */
    static final String HELD_HASH = ToolDefinitionHash.of("echo", CHANGED,
            McpServerFixtures.echo(CHANGED).get("inputSchema"));

    static McpServerWorld create(Api admin, String orgId) {
        String serverId = McpServerFixtures.register(admin, orgId).id();
        McpServerFixtures.recordTools(admin, orgId, serverId, McpServerFixtures.tools(McpServerFixtures.ECHO));
        McpServerFixtures.recordTools(admin, orgId, serverId, McpServerFixtures.tools(CHANGED));
        return new McpServerWorld(serverId);
    }

    /** {@code path} (the pattern of {@code endpoint}, other variables filled) with this world's ids. */
    String fill(String endpoint, String path) {
        return path.replace("{serverId}", serverId).replace("{toolName}", "echo");
    }

    /** The ids of this world, which another organization must never see. */
    List<String> ids() {
        return List.of(serverId);
    }

    /** A valid body for an MCP server endpoint ("METHOD /path/pattern"), or {@code null} when it is none. */
    static Map<String, Object> body(String endpoint, String word, String tag) {
        return switch (endpoint) {
            case "POST /api/orgs/{orgId}/mcp-servers", "PUT /api/orgs/{orgId}/mcp-servers/{serverId}" ->
                    McpServerFixtures.registration(word + " " + tag);
            case "POST /api/orgs/{orgId}/mcp-servers/{serverId}/suspend" -> Json.object("reason", word);
            case "PUT /api/orgs/{orgId}/mcp-servers/{serverId}/tools" -> McpServerFixtures.tools(CHANGED);
            case "POST /api/orgs/{orgId}/mcp-servers/{serverId}/tools/{toolName}/approve" ->
                    Json.object("definitionHash", HELD_HASH);
            default -> null;
        };
    }
}
