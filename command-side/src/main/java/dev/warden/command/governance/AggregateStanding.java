package dev.warden.command.governance;

import dev.warden.command.support.Aggregates;
import dev.warden.events.shared.IdKind;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The proxy's standing read from the server's aggregate and the agent session's, both in one unit of
 * work of their own (the proxy reads outside any command), so each is checked against the log.
 */
@Component
class AggregateStanding implements ProxyStanding {

    private final Repository<McpServer> servers;
    private final Repository<AgentSession> sessions;
    private final TransactionManager transactions;

    AggregateStanding(@Qualifier("mcpServerRepository") Repository<McpServer> servers,
                      @Qualifier("agentSessionRepository") Repository<AgentSession> sessions,
                      TransactionManager transactions) {
        this.servers = servers;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    @Override
    public String refusal(String organizationId, String mcpServerId, String agentSessionId) {
        IdKind.MCP_SERVER.require(mcpServerId);
        return AggregateReads.read(transactions, () -> {
            String server = McpServer.load(servers, mcpServerId, organizationId).invoke(s -> s.state().refusal());
            if (server != null || agentSessionId == null) {
                return server;
            }
            var session = Aggregates.load(sessions, IdKind.AGENT_SESSION.require(agentSessionId));
            session.execute(s -> s.requireIn(organizationId));
            return session.invoke(AgentSession::endedReason);
        });
    }
}
