package dev.warden.command.governance.mcp;

import dev.warden.command.governance.ServerAddresses;
import dev.warden.events.governance.Decision;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;
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
 * else passes through to the server as it is.
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

    /** Opens the server's session with the client's initialize, then the agent session, and answers the server's result. */
    void initialize(Caller caller, String organizationId, String mcpServerId, McpMessage message,
                    HttpServletResponse out) throws IOException {
        URI url = address(governance.upstream(organizationId, mcpServerId));
        if (url == null) {
            Answers.json(out, json, JsonRpc.error(message.id(), JsonRpc.INTERNAL_ERROR,
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
        switch (method) {
            case McpMessage.PING -> Answers.json(out, json, JsonRpc.emptyResult(message.id()));
            case McpMessage.TOOLS_LIST -> listTools(session, message, out);
            case McpMessage.TOOLS_CALL -> callTool(session, message, takesEvents, out);
            default -> forward(session, message, takesEvents, out);
        }
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
                    session.organizationId(), IdKind.DECISION.next(), tool, arguments(arguments)));
        } catch (DomainException e) {
            Answers.json(out, json, refused(message, e));
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

    private Map<String, Object> arguments(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.convertValue(arguments, Map.class);
        return map;
    }

    /** A refusal of the decision itself (a malformed call, a server gone) as the agent's error. */
    private static JsonNode refused(McpMessage message, DomainException refusal) {
        int code = refusal.code().kind() == ErrorCode.Kind.INVALID ? JsonRpc.INVALID_PARAMS : JsonRpc.UNAVAILABLE;
        return JsonRpc.error(message.id(), code, refusal.getMessage(), Map.of("code", refusal.code().name()));
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
