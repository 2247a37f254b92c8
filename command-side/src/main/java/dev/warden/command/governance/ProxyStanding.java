package dev.warden.command.governance;

/**
 * Whether the MCP proxy may pass a session's traffic to its server at all, read from the aggregates
 * (never from a read model, which may lag): the kill switches stop every method, not only the tool
 * calls a decision refuses.
 */
public interface ProxyStanding {

    /**
     * Why no traffic passes: the server is suspended or deregistered, or the agent session was
     * terminated or closed ({@code agentSessionId} {@code null} asks of the server alone); {@code null}
     * when it may pass. A missing server or session, or another organization's, is refused as not found.
     */
    String refusal(String organizationId, String mcpServerId, String agentSessionId);
}
