package dev.warden.command.governance.mcp;

import java.net.URI;

/**
 * One MCP session of the proxy: Warden's session id (what the client sends), the agent session its
 * calls are decided in, who opened it, and the server's own session behind it. The client's
 * initialize is kept so the upstream session can be opened again when the server lost it (a restart,
 * an upgrade) without the client noticing.
 */
final class ProxySession {

    private final String id;
    private final String organizationId;
    private final String mcpServerId;
    private final String callerId;
    private final String agentSessionId;
    private final URI url;
    private final byte[] initialize;
    private volatile Upstream upstream;
    private volatile long lastUsedNanos;

    /** The server's session id and the protocol version it negotiated. */
    record Upstream(String sessionId, String protocolVersion) {
    }

    ProxySession(String id, String organizationId, String mcpServerId, String callerId, String agentSessionId,
                 URI url, byte[] initialize, Upstream upstream) {
        this.id = id;
        this.organizationId = organizationId;
        this.mcpServerId = mcpServerId;
        this.callerId = callerId;
        this.agentSessionId = agentSessionId;
        this.url = url;
        this.initialize = initialize.clone();
        this.upstream = upstream;
        touch();
    }

    String id() {
        return id;
    }

    String organizationId() {
        return organizationId;
    }

    String mcpServerId() {
        return mcpServerId;
    }

    String agentSessionId() {
        return agentSessionId;
    }

    URI url() {
        return url;
    }

    /** The client's initialize request, to open the upstream session again. */
    byte[] initialize() {
        return initialize.clone();
    }

    Upstream upstream() {
        return upstream;
    }

    void upstream(Upstream renewed) {
        this.upstream = renewed;
    }

    /** Whether a request to {@code organizationId}'s server {@code mcpServerId} by {@code callerId} may use it. */
    boolean belongsTo(String organizationId, String mcpServerId, String callerId) {
        return this.organizationId.equals(organizationId) && this.mcpServerId.equals(mcpServerId)
                && this.callerId.equals(callerId);
    }

    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    boolean idleSince(long nanos) {
        return lastUsedNanos - nanos < 0;
    }
}
