package dev.warden.command.governance.mcp;

import dev.warden.command.governance.ExactJson;
import dev.warden.command.governance.ServerAddresses;
import dev.warden.events.governance.Decision;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP proxy: a streamable-HTTP MCP endpoint in front of each registered server. {@code initialize}
 * opens an agent session and the server's session behind it; {@code tools/list} records the tools the
 * server presents and shows only those an agent may call; {@code tools/call} is decided first and then
 * relayed, or refused with a JSON-RPC error that says why; {@code ping} is answered here; everything
 * else passes through to the server as it is. A kill switch (server suspended or deregistered, agent
 * session ended) stops all of it: {@code tools/call} by its decision, other requests with the same
 * -32012 error; a notification or a client's response is accepted and dropped (no answer could carry
 * the refusal, and a stopped server gets no more of the agent's data; the next request learns why).
 */
@Component
class McpProxy {

    /** The caller of a proxy request: who opened the session, as the API key and the user it stands for. */
    record Caller(String id, String apiKeyId, String userId) {
    }

    private static final Logger log = LoggerFactory.getLogger(McpProxy.class);
    private static final int AGENT_NAME_LENGTH = 100;

    private final Governance governance;
    private final UpstreamSessions upstreams;
    private final ProxySessions sessions;
    private final JsonMapper json;

    McpProxy(Governance governance, UpstreamSessions upstreams, ProxySessions sessions, McpJson json) {
        this.governance = governance;
        this.upstreams = upstreams;
        this.sessions = sessions;
        this.json = json.mapper();
    }

    /** Opens the server's session with the client's initialize (not for a stopped server), then the agent session. */
    void initialize(Caller caller, String organizationId, String mcpServerId, McpMessage message,
                    HttpServletResponse out) throws IOException {
        String refusal = governance.refusal(organizationId, mcpServerId, null);
        URI url = refusal == null ? address(governance.upstream(organizationId, mcpServerId)) : null;
        if (url == null) {
            Answers.json(out, json, refusal != null ? Refusals.unavailable(message.id(), null, refusal)
                    : JsonRpc.error(message.id(), JsonRpc.INTERNAL_ERROR,
                    "The proxy reaches MCP servers over streamable HTTP only", null));
            return;
        }
        UpstreamSessions.Opened opened = openUpstream(url, mcpServerId, message);
        if (!opened.succeeded()) {
            Answers.json(out, json, opened.response());
            return;
        }
        ProxySession session = open(caller, organizationId, mcpServerId, message, url, opened.upstream());
        out.setHeader(UpstreamClient.SESSION_HEADER, session.id());
        Answers.json(out, json, opened.response());
    }

    /** The server's answer to the client's initialize; a failure is answered as a JSON-RPC error to it. */
    private UpstreamSessions.Opened openUpstream(URI url, String mcpServerId, McpMessage message) {
        try {
            UpstreamSessions.Opened opened = upstreams.initialize(url, message.body(), message.id());
            return opened.response() != null ? opened : new UpstreamSessions.Opened(JsonRpc.error(message.id(),
                    JsonRpc.INTERNAL_ERROR, "The MCP server did not answer initialize", null), opened.upstream());
        } catch (IOException e) {
            return new UpstreamSessions.Opened(unreachable(message, mcpServerId, e), null);
        }
    }

    /** Answers a message of an open session by its method. */
    void handle(ProxySession session, McpMessage message, boolean takesEvents, HttpServletResponse out)
            throws IOException {
        String method = message.isRequest() ? message.method() : "";
        if (McpMessage.PING.equals(method)) {
            Answers.json(out, json, JsonRpc.emptyResult(message.id()));
        } else if (McpMessage.TOOLS_CALL.equals(method)) {
            callTool(session, message, takesEvents, out);
        } else if (!stopped(session, message, out)) {
            if (McpMessage.TOOLS_LIST.equals(method)) {
                listTools(session, message, out);
            } else {
                forward(session, message, takesEvents, out);
            }
        }
    }

    /** Whether a kill switch stops the message: a request is answered -32012, anything else dropped as accepted. */
    private boolean stopped(ProxySession session, McpMessage message, HttpServletResponse out) throws IOException {
        String refusal = governance.refusal(session.organizationId(), session.mcpServerId(), session.agentSessionId());
        if (refusal == null) {
            return false;
        }
        if (message.isRequest()) {
            Answers.json(out, json, Refusals.unavailable(message.id(), session.agentSessionId(), refusal));
        } else {
            out.setStatus(HttpServletResponse.SC_ACCEPTED);
        }
        return true;
    }

    /** Ends the session: the server's session and the agent session. */
    void close(ProxySession session) {
        sessions.remove(session);
        upstreams.end(session);
        governance.close(session.organizationId(), session.agentSessionId());
    }

    private ProxySession open(Caller caller, String organizationId, String mcpServerId, McpMessage message, URI url,
                              ProxySession.Upstream upstream) {
        String agentSessionId = IdKind.AGENT_SESSION.next();
        ProxySession session = new ProxySession(ProxySessions.newId(), organizationId, mcpServerId, caller.id(),
                agentSessionId, url, message.body(), upstream);
        try {
            governance.open(new OpenAgentSessionCommand(agentSessionId, organizationId, mcpServerId,
                    agentName(message), caller.apiKeyId(), caller.userId(), null));
        } catch (RuntimeException e) {
            upstreams.end(session);
            throw e;
        }
        sessions.add(session);
        return session;
    }

    private void listTools(ProxySession session, McpMessage message, HttpServletResponse out) throws IOException {
        Reply reply = send(session, message, out);
        if (reply == null) {
            return;
        }
        JsonNode response;
        try (reply) {
            response = Replies.responseOrNull(reply, json, message.id());
        }
        if (response == null) {
            finish(session, message, reply.expired(), out, Relay.failure(reply, message));
            return;
        }
        JsonNode result = response.get("result");
        if (!ToolLists.readable(result)) {
            Answers.json(out, json, response);
            return;
        }
        Set<String> callable;
        try {
            callable = governance.record(session.organizationId(), session.mcpServerId(), ToolLists.definitions(result));
        } catch (DomainException e) {
            Answers.json(out, json, JsonRpc.error(message.id(), JsonRpc.INTERNAL_ERROR,
                    "The MCP server's tool list was refused: " + e.getMessage(), Map.of("code", e.code().name())));
            return;
        }
        Answers.json(out, json, JsonRpc.result(message.id(), ToolLists.callable(result, callable)));
    }

    private void callTool(ProxySession session, McpMessage message, boolean takesEvents, HttpServletResponse out)
            throws IOException {
        String tool = message.param("name");
        JsonNode arguments = message.params() == null ? null : message.params().get("arguments");
        if (tool == null || arguments != null && !arguments.isObject() && !arguments.isNull()) {
            Answers.json(out, json, JsonRpc.error(message.id(), JsonRpc.INVALID_PARAMS,
                    "tools/call takes the tool's name in params.name and its arguments as an object", null));
            return;
        }
        Decision decision;
        try {
            decision = governance.decide(new DecideToolCallCommand(session.agentSessionId(),
                    session.organizationId(), IdKind.DECISION.next(), tool, ExactJson.arguments(json, arguments)));
        } catch (DomainException e) {
            Answers.json(out, json, Refusals.of(message.id(), e));
            return;
        }
        if (!decision.outcome().proceeds()) {
            Answers.json(out, json, Refusals.of(message.id(), decision));
            return;
        }
        forward(session, message, takesEvents, out);
    }

    private void forward(ProxySession session, McpMessage message, boolean takesEvents, HttpServletResponse out)
            throws IOException {
        Reply reply = send(session, message, out);
        if (reply == null) {
            return;
        }
        try (reply) {
            if (Relay.relay(reply, message, takesEvents, json, out) == Relay.Ending.TIMED_OUT) {
                upstreams.cancel(session, message.id());
            }
        }
    }

    /** Sends the message in the session's upstream session; {@code null} when that failed and the client was answered. */
    private Reply send(ProxySession session, McpMessage message, HttpServletResponse out) throws IOException {
        try {
            return upstreams.send(session, message.body());
        } catch (IOException e) {
            finish(session, message, e instanceof HttpTimeoutException, out,
                    unreachable(message, session.mcpServerId(), e));
            return null;
        }
    }

    /** Answers a request the server gave no response to; one cut off at its deadline is cancelled upstream. */
    private void finish(ProxySession session, McpMessage message, boolean timedOut, HttpServletResponse out,
                        JsonNode error) throws IOException {
        if (!message.isRequest()) {
            out.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
            return;
        }
        if (timedOut) {
            upstreams.cancel(session, message.id());
            error = JsonRpc.error(message.id(), JsonRpc.INTERNAL_ERROR,
                    "The MCP server did not answer in time; the request was cancelled", null);
        }
        Answers.json(out, json, error);
    }

    /** The error for a server that could not be reached; why is logged (at debug: the server's trouble, not ours). */
    private static JsonNode unreachable(McpMessage message, String mcpServerId, IOException failure) {
        log.debug("MCP server {} could not be reached: {}", mcpServerId, failure.toString());
        return JsonRpc.error(message.id(), JsonRpc.INTERNAL_ERROR, "The MCP server could not be reached", null);
    }

    private static URI address(ServerAddresses.Upstream upstream) {
        return "streamable-http".equals(upstream.transport()) ? URI.create(upstream.url()) : null;
    }

    private static String agentName(McpMessage message) {
        JsonNode name = message.params() == null ? null : message.params().path("clientInfo").get("name");
        String text = name != null && name.isString() && !name.asString().isBlank() ? name.asString().strip() : "MCP client";
        return text.length() > AGENT_NAME_LENGTH ? text.substring(0, AGENT_NAME_LENGTH) : text;
    }
}
