package dev.warden.command.governance.mcp;

import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP endpoint of each registered server (streamable HTTP, protocol revision 2025-11-25): an
 * agent points its MCP client here with an API key as {@code Authorization: Bearer}. POST carries one
 * JSON-RPC message; DELETE ends the session. There is no GET stream (405), which MCP clients accept.
 * The reply is written on the request's thread, so the caller stays the actor of every command.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}/mcp/{serverId}")
class McpProxyController {

    /** The protocol revisions whose streamable HTTP transport the proxy speaks. */
    static final Set<String> VERSIONS = Set.of("2025-11-25", "2025-06-18", "2025-03-26");

    private final McpProxy proxy;
    private final ProxySessions sessions;
    private final JsonMapper json;

    McpProxyController(McpProxy proxy, ProxySessions sessions, McpJson json) {
        this.proxy = proxy;
        this.sessions = sessions;
        this.json = json.mapper();
    }

    @Requires("agent-sessions:write")
    @PostMapping
    void post(@PathVariable String orgId, @PathVariable String serverId, @RequestBody byte[] body,
              @RequestAttribute(Actor.ATTRIBUTE) Actor actor, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        IdKind.MCP_SERVER.require(serverId);
        checkOrigin(request);
        McpMessage message = McpMessage.parse(json, body);
        McpProxy.Caller caller = caller(actor);
        if (McpMessage.INITIALIZE.equals(message.method()) && message.isRequest()) {
            proxy.initialize(caller, orgId, serverId, message, response);
            return;
        }
        checkVersion(request.getHeader(UpstreamClient.VERSION_HEADER));
        ProxySession session = sessions.find(sessionId(request), orgId, serverId, caller.id());
        String accept = request.getHeader("Accept");
        proxy.handle(session, message, accept != null && accept.contains("text/event-stream"), response);
    }

    @Requires("agent-sessions:write")
    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String orgId, @PathVariable String serverId,
                                @RequestAttribute(Actor.ATTRIBUTE) Actor actor, HttpServletRequest request) {
        IdKind.MCP_SERVER.require(serverId);
        checkOrigin(request);
        proxy.close(sessions.find(sessionId(request), orgId, serverId, caller(actor).id()));
        return ResponseEntity.noContent().build();
    }

    private static McpProxy.Caller caller(Actor actor) {
        return actor.isUser() ? new McpProxy.Caller(actor.type() + ":" + actor.id(), null, actor.id())
                : new McpProxy.Caller(actor.type() + ":" + actor.id(), actor.id(), actor.userId());
    }

    private static String sessionId(HttpServletRequest request) {
        String id = request.getHeader(UpstreamClient.SESSION_HEADER);
        if (id == null || id.isBlank()) {
            throw McpMessage.invalid("Send the Mcp-Session-Id that initialize answered");
        }
        return id;
    }

    private static void checkVersion(String version) {
        if (version != null && !VERSIONS.contains(version)) {
            throw McpMessage.invalid("Unsupported MCP-Protocol-Version; the proxy speaks " + VERSIONS);
        }
    }

    /** A browser page may call the proxy only from its own origin (the transport asks for this check). */
    private static void checkOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return;
        }
        try {
            URI from = URI.create(origin);
            String host = request.getHeader("Host");
            if (from.getAuthority() != null && from.getAuthority().equalsIgnoreCase(host)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // A malformed origin is refused like a foreign one.
        }
        throw new DomainException(GovernanceErrorCode.MCP_ORIGIN_REFUSED,
                "The MCP endpoint takes no calls from pages of another origin");
    }
}
