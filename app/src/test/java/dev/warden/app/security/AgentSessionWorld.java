package dev.warden.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import java.util.List;
import java.util.Map;

/**
 * An organization's agent sessions for the tests that call every endpoint, on its MCP server: one
 * session with two approvals pending (one to approve, one to deny; a rule of a policy ahead of the
 * others requires approval for the tool {@code lookup}) and one session to close. It fills the path variables of the agent session
 * endpoints and gives their request bodies.
 */
record AgentSessionWorld(String serverId, String sessionId, String approvalId, String deniableApprovalId,
                         String closableSessionId) {

    /** The tool a rule of the world's policy holds for approval. */
    static final String TOOL = "lookup";

    static AgentSessionWorld create(Api admin, String orgId, String serverId) {
        String base = "/api/orgs/" + orgId;
        Api.Response policy = admin.post(base + "/policies", Json.object("name", "Approvals " + Fixtures.unique(),
                "priority", 1, "rules", List.of(Json.object("name", "ask", "tool", TOOL, "effect", "require-approval"))));
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        String session = open(admin, base, serverId);
        return new AgentSessionWorld(serverId, session, approval(admin, base, session, 1),
                approval(admin, base, session, 2), open(admin, base, serverId));
    }

    private static String open(Api admin, String base, String serverId) {
        Api.Response opened = admin.post(base + "/agent-sessions", Json.object("mcpServerId", serverId));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.id();
    }

    private static String approval(Api admin, String base, String session, int n) {
        Api.Response decided = admin.post(base + "/decisions", Json.object("agentSessionId", session, "tool", TOOL,
                "arguments", Map.of("n", n)));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("outcome").asString()).isEqualTo("approval-required");
        return decided.json().get("approvalId").asString();
    }

    /** {@code path} (the pattern of {@code endpoint}, other variables filled) with this world's ids. */
    String fill(String endpoint, String path) {
        return path.replace("{agentSessionId}", endpoint.endsWith("/close") ? closableSessionId : sessionId)
                .replace("{approvalId}", endpoint.endsWith("/deny") ? deniableApprovalId : approvalId);
    }

    /** The ids of this world, which another organization must never see. */
    List<String> ids() {
        return List.of(sessionId, approvalId, deniableApprovalId, closableSessionId);
    }

    /** A valid body for an agent session endpoint ("METHOD /path/pattern") of a world, or {@code null}. */
    Map<String, Object> body(String endpoint, String word) {
        return switch (endpoint) {
            case "POST /api/orgs/{orgId}/agent-sessions" -> Json.object("mcpServerId", serverId, "agentName", word);
            case "POST /api/orgs/{orgId}/decisions" -> Json.object("mcpServerId", serverId, "agentName", word,
                    "tool", TOOL, "arguments", Map.of("word", word));
            case "POST /api/orgs/{orgId}/agent-sessions/{agentSessionId}/terminate" -> Json.object("reason", word);
            case "POST /api/orgs/{orgId}/agent-sessions/{agentSessionId}/approvals/{approvalId}/approve",
                 "POST /api/orgs/{orgId}/agent-sessions/{agentSessionId}/approvals/{approvalId}/deny" ->
                    Json.object("reason", word);
            default -> null;
        };
    }
}
