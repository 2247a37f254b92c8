package dev.warden.app.governance;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.governance.AgentSessionFixtures.Agent;
import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The refusals of the agent session and decision endpoints: each a problem naming what is wrong, a
 * 4xx, never quoting an argument; and nothing recorded for a refused call.
 */
@WardenTest
class AgentSessionsErrorsApiIT {

    @LocalServerPort
    int port;

    Api admin;
    Agent agent;
    String session;

    @BeforeEach
    void agentWithASession() {
        admin = Api.admin(port);
        agent = AgentSessionFixtures.agent(admin);
        session = agent.open();
    }

    @Test
    void aDecisionNamesOneSessionOrOneServerAndATool() {
        String decisions = agent.base() + "/decisions";
        assertProblem(agent.api().post(decisions, Json.object("tool", "echo")), 400, "INVALID_TOOL_CALL");
        assertProblem(agent.api().post(decisions, Json.object("agentSessionId", session, "mcpServerId",
                agent.serverId(), "tool", "echo")), 400, "INVALID_TOOL_CALL");
        assertProblem(agent.api().post(decisions, Json.object("agentSessionId", session, "agentName", "other",
                "tool", "echo")), 400, "INVALID_TOOL_CALL");
        assertProblem(agent.ask(session, null, Map.of()), 400, "INVALID_TOOL_CALL");
        assertProblem(agent.ask(session, "two\nlines", Map.of()), 400, "INVALID_TOOL_CALL");
    }

    @Test
    void argumentsAreAJsonObjectOfBoundedDepthAndAreNeverQuoted() {
        String decisions = agent.base() + "/decisions";
        Api.Response list = agent.api().post(decisions, Json.object("agentSessionId", session, "tool", "echo",
                "arguments", List.of("canary-list")));
        assertProblem(list, 400, "MALFORMED_BODY");
        assertThat(list.body()).doesNotContain("canary");

        Object deep = "canary-deep";
        for (int i = 0; i < 40; i++) {
            deep = List.of(deep);
        }
        Api.Response tooDeep = agent.ask(session, "echo", Map.of("deep", deep));
        assertProblem(tooDeep, 400, "INVALID_TOOL_CALL");
        assertThat(tooDeep.body()).doesNotContain("canary").contains("nest deeper");

        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            many.add(i);
        }
        assertProblem(agent.ask(session, "echo", Map.of("many", many)), 400, "INVALID_TOOL_CALL");
    }

    @Test
    void unknownSessionsAndServersAndOtherCallersSessionsNameNothing() {
        assertProblem(agent.ask(IdKind.AGENT_SESSION.next(), "echo", Map.of()), 404, "AGENT_SESSION_NOT_FOUND");
        assertProblem(agent.ask("not-a-session", "echo", Map.of()), 404, "AGENT_SESSION_NOT_FOUND");
        assertProblem(agent.api().post(agent.base() + "/decisions", Json.object("mcpServerId", IdKind.MCP_SERVER.next(),
                "tool", "echo")), 404, "MCP_SERVER_NOT_FOUND");
        Agent otherKey = AgentSessionFixtures.agentOn(admin, agent.orgId(), agent.serverId());
        assertProblem(otherKey.ask(session, "echo", Map.of()), 404, "AGENT_SESSION_NOT_FOUND");
        Agent asAdmin = new Agent(agent.orgId(), agent.serverId(), null, admin);
        assertProblem(asAdmin.ask(session, "echo", Map.of()), 404, "AGENT_SESSION_NOT_FOUND");
    }

    @Test
    void aSessionOpensOnlyOnARegisteredServerWithValidNames() {
        String sessions = agent.base() + "/agent-sessions";
        assertProblem(agent.api().post(sessions, Json.object()), 400, "INVALID_AGENT_SESSION");
        assertProblem(agent.api().post(sessions, Json.object("mcpServerId", IdKind.MCP_SERVER.next())), 404,
                "MCP_SERVER_NOT_FOUND");
        assertProblem(agent.api().post(sessions, Json.object("mcpServerId", agent.serverId(), "agentName",
                "bell\u0007")), 400, "INVALID_AGENT_SESSION");
        assertProblem(agent.api().post(sessions, Json.object("mcpServerId", agent.serverId(), "aiSystemId",
                "ais_x")), 404, "AI_SYSTEM_NOT_FOUND");
        String other = McpServerFixtures.register(admin, agent.orgId()).id();
        assertThat(admin.delete(agent.base() + "/mcp-servers/" + other).status()).isEqualTo(200);
        assertProblem(agent.api().post(sessions, Json.object("mcpServerId", other)), 409, "SERVER_DEREGISTERED");
    }

    @Test
    void endingASessionNeedsAReasonToTerminateAndHappensOnce() {
        String sessionPath = agent.base() + "/agent-sessions/" + session;
        assertProblem(admin.post(sessionPath + "/terminate", Json.object("reason", " ")), 400, "INVALID_AGENT_SESSION");
        assertThat(admin.post(sessionPath + "/terminate", Json.object("reason", "stop")).status()).isEqualTo(200);
        Api.Response again = admin.post(sessionPath + "/terminate", Json.object("reason", "stop"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().has("position")).as("nothing stored twice").isFalse();
        assertProblem(admin.post(sessionPath + "/close", null), 409, "AGENT_SESSION_ENDED");
        assertProblem(admin.post(agent.base() + "/agent-sessions/" + IdKind.AGENT_SESSION.next() + "/close", null),
                404, "AGENT_SESSION_NOT_FOUND");
    }

    @Test
    void anotherKeyCannotEndASessionItDidNotOpen() {
        String sessionPath = agent.base() + "/agent-sessions/" + session;
        Agent otherKey = AgentSessionFixtures.agentOn(admin, agent.orgId(), agent.serverId());
        assertProblem(otherKey.api().post(sessionPath + "/terminate", Json.object("reason", "not yours")), 404,
                "AGENT_SESSION_NOT_FOUND");
        assertProblem(otherKey.api().post(sessionPath + "/close", null), 404, "AGENT_SESSION_NOT_FOUND");
        assertThat(agent.decide(session, "echo", Map.of()).get("basis").asString()).as("still open")
                .isNotEqualTo("session");
        assertThat(agent.api().post(sessionPath + "/close", null).status()).isEqualTo(200);
        String another = agent.open();
        assertThat(admin.post(agent.base() + "/agent-sessions/" + another + "/terminate", Json.object("reason",
                "a member's kill switch")).status()).isEqualTo(200);
    }

    @Test
    void approvalsAreDecidedBySignedInMembersOnly() {
        String approvals = agent.base() + "/agent-sessions/" + session + "/approvals/";
        assertProblem(admin.post(approvals + IdKind.APPROVAL.next() + "/approve", null), 404, "APPROVAL_NOT_FOUND");
        assertProblem(admin.post(approvals + "apv_short/deny", null), 404, "APPROVAL_NOT_FOUND");
        String key = admin.post(agent.base() + "/api-keys", Json.object("name", "approver " + Fixtures.unique(),
                "scopes", List.of("agent-sessions:approve"))).json().get("secret").asString();
        assertProblem(admin.anonymous().withToken(key).post(approvals + IdKind.APPROVAL.next() + "/approve", null),
                403, "USERS_ONLY");
        assertProblem(admin.post(approvals + IdKind.APPROVAL.next() + "/approve",
                Json.object("reason", "r".repeat(1001))), 400, "INVALID_AGENT_SESSION");
    }
}
