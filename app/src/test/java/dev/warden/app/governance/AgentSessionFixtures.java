package dev.warden.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.command.support.Secrets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Agent sessions for API tests: an agent's API key, policies and the organization's default effect
 * as a member sets them, sessions opened and calls decided as the agent.
 */
public final class AgentSessionFixtures {

    private AgentSessionFixtures() {
    }

    /** An organization with a registered server whose tool {@code echo} is pinned, and an agent's key in it. */
    public record Agent(String orgId, String serverId, String keyId, Api api) {

        String base() {
            return "/api/orgs/" + orgId;
        }

        /** Opens a session on the server; answers its id. */
        String open() {
            Api.Response opened = api.post(base() + "/agent-sessions", Json.object("mcpServerId", serverId,
                    "agentName", "claude"));
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            return opened.id();
        }

        /** Asks for a decision in session {@code agentSessionId}; answers the response. */
        Api.Response ask(String agentSessionId, String tool, Map<String, Object> arguments) {
            return api.post(base() + "/decisions", Json.object("agentSessionId", agentSessionId, "tool", tool,
                    "arguments", arguments));
        }

        /** A decision in session {@code agentSessionId}, which must be answered. */
        JsonNode decide(String agentSessionId, String tool, Map<String, Object> arguments) {
            Api.Response answer = ask(agentSessionId, tool, arguments);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            return answer.json();
        }
    }

    /** A new organization (the admin's), its server with {@code echo} pinned, and an agent's key for it. */
    public static Agent agent(Api admin) {
        String orgId = Fixtures.organization(admin).id();
        return agentIn(admin, orgId);
    }

    /** A server with {@code echo} pinned in {@code orgId}, and a key of {@code issuer} to call it with. */
    public static Agent agentIn(Api issuer, String orgId) {
        String serverId = McpServerFixtures.register(issuer, orgId).id();
        McpServerFixtures.recordTools(issuer, orgId, serverId, McpServerFixtures.tools(McpServerFixtures.ECHO));
        return agentOn(issuer, orgId, serverId);
    }

    /** A key of {@code issuer} for the agent on {@code serverId}. */
    public static Agent agentOn(Api issuer, String orgId, String serverId) {
        Api.Response key = issuer.post("/api/orgs/" + orgId + "/api-keys", Json.object("name", "agent " + Fixtures.unique(),
                "scopes", List.of("agent-sessions:write")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return new Agent(orgId, serverId, key.id(), issuer.anonymous().withToken(key.json().get("secret").asString()));
    }

    /** Creates an enforcing policy of {@code rules} in {@code orgId}; answers its id. */
    public static String policy(Api admin, String orgId, List<Map<String, Object>> rules) {
        Api.Response created = admin.post("/api/orgs/" + orgId + "/policies", Json.object("name",
                "Policy " + Fixtures.unique(), "rules", rules));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    /** A rule on {@code tool} with {@code effect}, matching when every condition holds. */
    public static Map<String, Object> rule(String name, String tool, String effect, Map<?, ?>... conditions) {
        return Json.object("name", name, "tool", tool, "effect", effect, "conditions", List.of(conditions));
    }

    /** A condition: the value at {@code pointer} {@code operator}s {@code value}. */
    public static Map<String, Object> condition(String pointer, String operator, Object value) {
        return Json.object("pointer", pointer, "operator", operator, "value", value);
    }

    /** Sets what decisions answer when no rule matches. */
    public static void defaultEffect(Api admin, String orgId, String effect) {
        Api.Response set = admin.put("/api/orgs/" + orgId + "/governance/default-effect", Json.object("effect", effect));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** The SHA-256 (hex) of canonical JSON, as the answer names the arguments. */
    public static String sha256(String canonicalJson) {
        return Secrets.sha256(canonicalJson);
    }
}
