package dev.warden.command.governance.mcp;

import dev.warden.command.governance.ServerAddresses;
import dev.warden.events.governance.Decision;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.governance.ToolDefinition;
import java.util.List;
import java.util.Set;

/**
 * What the proxy asks of the governance context, as commands and reads of aggregates (never of a read
 * model, which may lag): where a server is, whether traffic may pass at all, opening and closing agent sessions, recording the tools a
 * server presents, and deciding a call.
 */
interface Governance {

    /** The server's address; MCP_SERVER_NOT_FOUND for a missing server or another organization's. */
    ServerAddresses.Upstream upstream(String organizationId, String mcpServerId);

    /**
     * Why the proxy passes none of the session's traffic to the server (suspended or deregistered, or
     * the agent session ended; {@code agentSessionId} null asks of the server alone), or {@code null}.
     */
    String refusal(String organizationId, String mcpServerId, String agentSessionId);

    void open(OpenAgentSessionCommand command);

    /** Closes the agent session; one that already ended stays as it is. */
    void close(String organizationId, String agentSessionId);

    /** Records the tools the server presented and answers those an agent may call: pinned, and not held. */
    Set<String> record(String organizationId, String mcpServerId, List<ToolDefinition> tools);

    /** Decides the call, records the decision, and answers it. */
    Decision decide(DecideToolCallCommand command);
}
