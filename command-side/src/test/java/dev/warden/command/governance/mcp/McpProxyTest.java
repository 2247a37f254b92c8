package dev.warden.command.governance.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warden.command.governance.AgentSessionSettings;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.ToolDefinition;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proxy's protocol handling against a small MCP server on a loopback port, with the governance
 * context's answers set by each test: sessions, tool lists, decided and relayed calls, refusals,
 * a server that lost its session, a server too slow for the deadline, and the end of a session.
 */
class McpProxyTest {

    private static final String ORG = IdKind.ORGANIZATION.next();
    private static final String SERVER = IdKind.MCP_SERVER.next();
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test-agent\",\"version\":\"1\"}}}";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Actor key = new Actor(Actor.API_KEY, IdKind.API_KEY.next(), IdKind.USER.next(), null, ORG, Set.of());
    private FakeMcpServer upstream;
    private FakeGovernance governance;
    private McpProxyController controller;
    private ProxySessions sessions;

    @BeforeEach
    void start() throws Exception {
        upstream = new FakeMcpServer();
        governance = new FakeGovernance(upstream.url());
        sessions = new ProxySessions(new AgentSessionSettings(Duration.ofMinutes(15), Duration.ofMinutes(30)));
        UpstreamSessions upstreams = new UpstreamSessions(new UpstreamClient(new McpSettings(Duration.ofMillis(800))), new McpJson(json));
        controller = new McpProxyController(new McpProxy(governance, upstreams, sessions, new McpJson(json)), sessions, new McpJson(json));
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void initializeOpensAnAgentSessionAndTheServersSessionBehindAnIdOfItsOwn() throws Exception {
        MockHttpServletResponse response = post(null, INITIALIZE);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/json");
        JsonNode answer = json.readTree(response.getContentAsString());
        assertThat(answer.get("id").asInt()).isZero();
        assertThat(answer.get("result").get("serverInfo").get("name").asString()).isEqualTo("fake");
        String sessionId = response.getHeader("Mcp-Session-Id");
        String upstreamId = upstream.issued().get(0);
        assertThat(sessionId).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(upstreamId);
        OpenAgentSessionCommand opened = (OpenAgentSessionCommand) governance.commands.get(0);
        assertThat(opened.organizationId()).isEqualTo(ORG);
        assertThat(opened.mcpServerId()).isEqualTo(SERVER);
        assertThat(opened.agentName()).isEqualTo("test-agent");
        assertThat(opened.apiKeyId()).isEqualTo(key.id());
        assertThat(opened.userId()).isEqualTo(key.userId());
        assertThat(IdKind.AGENT_SESSION.matches(opened.agentSessionId())).isTrue();
    }

    @Test
    void notificationsAreForwardedInTheServersSessionAndAccepted() throws Exception {
        String session = initialize();

        MockHttpServletResponse response = post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

        assertThat(response.getStatus()).isEqualTo(202);
        FakeMcpServer.Received forwarded = upstream.received().get(1);
        assertThat(forwarded.method()).isEqualTo("notifications/initialized");
        assertThat(forwarded.sessionId()).isEqualTo(upstream.issued().get(0));
        assertThat(forwarded.protocolVersion()).isEqualTo("2025-11-25");
    }

    @Test
    void toolsListRecordsEveryDefinitionAndShowsOnlyTheCallableTools() throws Exception {
        String session = initialize();
        governance.callable = Set.of("echo");

        governance.callable = Set.of("echo", "get-env");
        String all = post(session, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"tools/list\"}").getContentAsString();
        assertThat(all).as("numbers as the server wrote them").contains("\"maximum\":0.10,\"minimum\":-12345678901234567890.5");
        governance.callable = Set.of("echo");

        JsonNode answer = json.readTree(post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                .getContentAsString());

        assertThat(answer.get("id").asInt()).isEqualTo(1);
        assertThat(answer.get("result").get("tools")).extracting(t -> t.get("name").asString()).containsExactly("echo");
        assertThat(answer.get("result").get("nextCursor").asString()).isEqualTo("page-2");
        @SuppressWarnings("unchecked")
        List<ToolDefinition> recorded = (List<ToolDefinition>) governance.commands.get(2);
        assertThat(recorded).extracting(ToolDefinition::name).containsExactly("echo", "get-env");
        assertThat(recorded.get(0).description()).isEqualTo("Echoes back the input");
        assertThat(recorded.get(0).definitionHash()).matches("sha256:[0-9a-f]{64}");
        assertThat(recorded.get(1).description()).isNull();
    }

    @Test
    void aToolListTheServerMayNotPresentShowsNoToolAndSaysWhy() throws Exception {
        String session = initialize();
        governance.recordRefusal = new DomainException(GovernanceErrorCode.INVALID_TOOL_LIST,
                "The description of the tool 'echo' holds a control character");

        JsonNode error = json.readTree(post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                .getContentAsString()).get("error");

        assertThat(error.get("code").asInt()).isEqualTo(JsonRpc.INTERNAL_ERROR);
        assertThat(error.get("message").asString()).contains("tool list was refused").contains("control character");
        assertThat(error.get("data").get("code").asString()).isEqualTo("INVALID_TOOL_LIST");
    }

    @Test
    void anAllowedCallIsDecidedThenRelayedByteForByte() throws Exception {
        String session = initialize();

        MockHttpServletResponse response = post(session, call(7, "echo", "{\"message\":\"hi\"}"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/event-stream");
        assertThat(response.getContentAsString()).isEqualTo(FakeMcpServer.callEvents("echo", "hi", "7"));
        DecideToolCallCommand decided = (DecideToolCallCommand) governance.commands.get(1);
        assertThat(decided.toolName()).isEqualTo("echo");
        assertThat(decided.arguments()).isEqualTo(Map.of("message", "hi"));
        assertThat(decided.organizationId()).isEqualTo(ORG);
        assertThat(IdKind.DECISION.matches(decided.decisionId())).isTrue();
        assertThat(upstream.methods()).containsExactly("initialize", "tools/call");
    }

    @Test
    void aClientThatTakesNoEventStreamGetsTheResponseAsJson() throws Exception {
        String session = initialize();
        MockHttpServletRequest request = request(session, call(8, "echo", "{\"message\":\"hi\"}"));
        request.removeHeader("Accept");
        request.addHeader("Accept", "application/json");

        MockHttpServletResponse response = send(request);

        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(json.readTree(response.getContentAsString()).get("result").get("content").get(0).get("text")
                .asString()).isEqualTo("echo: hi");
    }

    @Test
    void aDeniedCallIsAnsweredWithTheRuleThatDecidedAndNeverReachesTheServer() throws Exception {
        String session = initialize();
        governance.decisions.put("get-env", FakeGovernance.decision("get-env", Outcome.DENY, "pol_x", null,
                "Matched rule 'no-env' of policy pol_x version 3: deny"));

        JsonNode error = json.readTree(post(session, call(3, "get-env", "{}")).getContentAsString()).get("error");

        assertThat(error.get("code").asInt()).isEqualTo(JsonRpc.DENIED);
        assertThat(error.get("message").asString()).contains("no-env");
        JsonNode data = error.get("data");
        assertThat(data.get("decision").asString()).isEqualTo("deny");
        assertThat(data.get("policyId").asString()).isEqualTo("pol_x");
        assertThat(data.get("policyVersion").asInt()).isEqualTo(3);
        assertThat(data.get("rule").asString()).isEqualTo("no-env");
        assertThat(data.get("reason").asString()).contains("deny");
        assertThat(upstream.methods()).containsExactly("initialize");
    }

    @Test
    void aCallThatNeedsApprovalNamesTheApprovalAndItsExpiry() throws Exception {
        String session = initialize();
        governance.decisions.put("echo", FakeGovernance.decision("echo", Outcome.APPROVAL_REQUIRED, "pol_x",
                "apv_1", "Matched rule 'no-env': require-approval"));

        JsonNode error = json.readTree(post(session, call(4, "echo", "{\"message\":\"x\"}")).getContentAsString())
                .get("error");

        assertThat(error.get("code").asInt()).isEqualTo(JsonRpc.APPROVAL_REQUIRED);
        assertThat(error.get("data").get("approvalId").asString()).isEqualTo("apv_1");
        assertThat(error.get("data").get("agentSessionId").asString()).isEqualTo("ags_1");
        assertThat(error.get("data").get("expiresAt").asString()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(upstream.methods()).containsExactly("initialize");
    }

    @Test
    void aSuspendedServerOrAnEndedSessionIsAnsweredAsUnavailable() throws Exception {
        String session = initialize();
        governance.decisions.put("echo", FakeGovernance.decision("echo", Outcome.DENY, null, null,
                "Denied: MCP server " + SERVER + " is suspended", DecisionBasis.SERVER));
        governance.decisions.put("get-env", FakeGovernance.decision("get-env", Outcome.DENY, null, null,
                "No rule matched; the organization's default is deny"));

        JsonNode suspended = json.readTree(post(session, call(5, "echo", "{}")).getContentAsString()).get("error");
        JsonNode byDefault = json.readTree(post(session, call(6, "get-env", "{}")).getContentAsString()).get("error");

        assertThat(suspended.get("code").asInt()).isEqualTo(JsonRpc.UNAVAILABLE);
        assertThat(suspended.get("data").get("reason").asString()).contains("suspended");
        assertThat(suspended.get("message").asString()).isEqualTo("Denied: MCP server " + SERVER + " is suspended");
        assertThat(byDefault.get("code").asInt()).isEqualTo(JsonRpc.DENIED);
        assertThat(byDefault.get("data").has("policyId")).isFalse();
    }

    @Test
    void aStoppedServerIsNotInitializedAndOpensNoSession() throws Exception {
        governance.refusal = "Denied: MCP server " + SERVER + " is suspended";

        MockHttpServletResponse response = post(null, INITIALIZE);

        JsonNode error = json.readTree(response.getContentAsString()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(JsonRpc.UNAVAILABLE);
        assertThat(error.get("message").asString()).isEqualTo("Denied: MCP server " + SERVER + " is suspended");
        assertThat(error.get("data").get("reason").asString()).contains("suspended");
        assertThat(response.getHeader("Mcp-Session-Id")).isNull();
        assertThat(upstream.received()).isEmpty();
        assertThat(governance.commands).isEmpty();
    }

    @Test
    void aKillSwitchStopsEveryOtherMethodWhileAToolCallGoesByItsDecisionAlone() throws Exception {
        String session = initialize();
        String agentSessionId = ((OpenAgentSessionCommand) governance.commands.get(0)).agentSessionId();
        governance.refusal = "Denied: the agent session was terminated: runaway";
        int asked = governance.standingAsked.size();

        for (String method : List.of("tools/list", "resources/list", "resources/read", "prompts/list", "prompts/get",
                "completion/complete", "logging/setLevel", "resources/subscribe")) {
            JsonNode error = json.readTree(post(session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method
                    + "\",\"params\":{}}").getContentAsString()).get("error");
            assertThat(error.get("code").asInt()).as(method).isEqualTo(JsonRpc.UNAVAILABLE);
            assertThat(error.get("message").asString()).isEqualTo("Denied: the agent session was terminated: runaway");
            assertThat(error.get("data").get("agentSessionId").asString()).isEqualTo(agentSessionId);
        }
        MockHttpServletResponse notification = post(session,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}");
        MockHttpServletResponse clientResponse = post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{}}");
        int askedBeforeCall = governance.standingAsked.size();
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}");
        post(session, call(8, "echo", "{}"));

        assertThat(askedBeforeCall - asked).isEqualTo(10);
        assertThat(notification.getStatus()).isEqualTo(202);
        assertThat(clientResponse.getStatus()).isEqualTo(202);
        assertThat(governance.standingAsked).hasSize(askedBeforeCall);
        assertThat(governance.commands).noneMatch(List.class::isInstance).anyMatch(DecideToolCallCommand.class::isInstance);
        assertThat(upstream.methods()).containsExactly("initialize", "tools/call");
    }

    @Test
    void pingIsAnsweredWithoutTheServer() throws Exception {
        String session = initialize();

        JsonNode answer = json.readTree(post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}")
                .getContentAsString());

        assertThat(answer.get("id").asString()).isEqualTo("p");
        assertThat(answer.get("result").isEmpty()).isTrue();
        assertThat(upstream.methods()).containsExactly("initialize");
    }

    @Test
    void otherMethodsPassThrough() throws Exception {
        String session = initialize();

        String body = post(session, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"resources/list\"}").getContentAsString();

        assertThat(body).contains("\"echoedMethod\":\"resources/list\"");
    }

    @Test
    void aServerThatLostItsSessionIsInitializedAgainWithoutTheClientNoticing() throws Exception {
        String session = initialize();
        String first = upstream.issued().get(0);
        upstream.forgetSessions();

        MockHttpServletResponse response = post(session, call(10, "echo", "{\"message\":\"again\"}"));

        assertThat(response.getContentAsString()).isEqualTo(FakeMcpServer.callEvents("echo", "again", "10"));
        assertThat(upstream.methods()).containsExactly("initialize", "tools/call", "initialize",
                "notifications/initialized", "tools/call");
        String renewed = upstream.issued().get(1);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(upstream.received().get(4).sessionId()).isEqualTo(renewed);
        assertThat(post(session, "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"prompts/list\"}").getContentAsString())
                .contains("echoedMethod");
        assertThat(upstream.received().get(5).sessionId()).isEqualTo(renewed);
    }

    @Test
    void aCallPastTheDeadlineIsAnsweredAndCancelledUpstream() throws Exception {
        String session = initialize();

        long start = System.nanoTime();
        MockHttpServletResponse response = post(session, call(12, "slow", "{}"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        String body = response.getContentAsString();
        assertThat(body).startsWith("id: p\ndata: \n\n").contains("\"code\":-32603").contains("did not answer in time");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(upstream.received())
                .anySatisfy(r -> assertThat(r.body()).contains("notifications/cancelled").contains("\"requestId\":12")));
    }

    @Test
    void aToolListPastTheDeadlineIsAnsweredAndCancelledUpstreamAndRecordsNothing() throws Exception {
        String session = initialize();
        upstream.stallLists = true;

        JsonNode error = json.readTree(post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"l\",\"method\":\"tools/list\"}")
                .getContentAsString()).get("error");

        assertThat(error.get("code").asInt()).isEqualTo(JsonRpc.INTERNAL_ERROR);
        assertThat(error.get("message").asString()).contains("did not answer in time");
        assertThat(governance.commands).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(upstream.received())
                .anySatisfy(r -> assertThat(r.body()).contains("notifications/cancelled").contains("\"requestId\":\"l\"")));
    }

    @Test
    void deleteEndsBothSessionsAndForgetsTheId() throws Exception {
        String session = initialize();
        String upstreamId = upstream.issued().get(0);
        OpenAgentSessionCommand opened = (OpenAgentSessionCommand) governance.commands.get(0);

        assertThat(controller.delete(ORG, SERVER, key, request(session, "")).getStatusCode().value()).isEqualTo(204);

        assertThat(governance.commands).contains("close " + opened.agentSessionId());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(upstream.received())
                .anySatisfy(r -> assertThat(r).extracting(FakeMcpServer.Received::httpMethod,
                        FakeMcpServer.Received::sessionId).containsExactly("DELETE", upstreamId)));
        assertRefused(() -> post(session, call(13, "echo", "{}")), GovernanceErrorCode.MCP_SESSION_NOT_FOUND);
    }

    @Test
    void aSessionIsOnlyOfTheCallerWhoOpenedItOnThatServer() throws Exception {
        String session = initialize();
        Actor other = new Actor(Actor.API_KEY, IdKind.API_KEY.next(), key.userId(), null, ORG, Set.of());

        assertRefused(() -> send(request(session, call(1, "echo", "{}")), other, SERVER),
                GovernanceErrorCode.MCP_SESSION_NOT_FOUND);
        assertRefused(() -> send(request(session, call(1, "echo", "{}")), key, IdKind.MCP_SERVER.next()),
                GovernanceErrorCode.MCP_SESSION_NOT_FOUND);
        assertRefused(() -> post(null, call(1, "echo", "{}")), GovernanceErrorCode.INVALID_MCP_MESSAGE);
    }

    @Test
    void malformedMessagesBatchesUnknownVersionsAndForeignOriginsAreRefused() throws Exception {
        String session = initialize();
        MockHttpServletRequest oldVersion = request(session, call(1, "echo", "{}"));
        oldVersion.removeHeader("MCP-Protocol-Version");
        oldVersion.addHeader("MCP-Protocol-Version", "1999-01-01");
        MockHttpServletRequest foreign = request(session, call(1, "echo", "{}"));
        foreign.addHeader("Origin", "http://evil.example");

        assertRefused(() -> post(session, "not json"), GovernanceErrorCode.INVALID_MCP_MESSAGE);
        assertRefused(() -> post(session, "[" + call(1, "echo", "{}") + "]"), GovernanceErrorCode.INVALID_MCP_MESSAGE);
        assertRefused(() -> post(session, "{\"id\":1,\"method\":\"ping\"}"), GovernanceErrorCode.INVALID_MCP_MESSAGE);
        assertRefused(() -> send(oldVersion), GovernanceErrorCode.INVALID_MCP_MESSAGE);
        assertRefused(() -> send(foreign), GovernanceErrorCode.MCP_ORIGIN_REFUSED);
        assertThat(upstream.methods()).containsExactly("initialize");
    }

    @Test
    void aCallWithoutAToolNameIsAnInvalidParamsError() throws Exception {
        String session = initialize();

        JsonNode error = json.readTree(post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                + "\"params\":{\"arguments\":[]}}").getContentAsString()).get("error");

        assertThat(error.get("code").asInt()).isEqualTo(JsonRpc.INVALID_PARAMS);
        assertThat(governance.commands).hasSize(1);
    }

    private String initialize() throws Exception {
        return post(null, INITIALIZE).getHeader("Mcp-Session-Id");
    }

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private MockHttpServletResponse post(String session, String body) throws Exception {
        return send(request(session, body));
    }

    private MockHttpServletRequest request(String session, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orgs/" + ORG + "/mcp/" + SERVER);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.addHeader("Accept", "application/json, text/event-stream");
        request.addHeader("Host", "localhost");
        if (session != null) {
            request.addHeader("Mcp-Session-Id", session);
            request.addHeader("MCP-Protocol-Version", "2025-11-25");
        }
        return request;
    }

    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        return send(request, key, SERVER);
    }

    private MockHttpServletResponse send(MockHttpServletRequest request, Actor actor, String server) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.post(ORG, server, request.getContentAsByteArray(), actor, request, response);
        return response;
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                      GovernanceErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
