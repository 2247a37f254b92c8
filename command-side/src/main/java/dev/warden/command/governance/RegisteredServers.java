package dev.warden.command.governance;

import dev.warden.events.shared.IdKind;
import java.util.function.Function;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What decisions and the MCP proxy read of a registered server, from its aggregate: inside a command
 * (a decision) in that command's unit of work and transaction, so the aggregate cache is checked
 * against the log; outside one (the proxy looking up where to forward) in a unit of work of its own.
 * A missing server, or another organization's, is MCP_SERVER_NOT_FOUND either way. The address is
 * answered whatever the server's status: whether it may be called is the decision's question.
 */
@Component
class RegisteredServers implements ServerGate, ServerAddresses {

    private final Repository<McpServer> servers;
    private final TransactionManager transactions;

    RegisteredServers(@Qualifier("mcpServerRepository") Repository<McpServer> servers,
                      TransactionManager transactions) {
        this.servers = servers;
        this.transactions = transactions;
    }

    @Override
    public ServerState state(String organizationId, String mcpServerId) {
        return read(organizationId, mcpServerId, McpServer::state);
    }

    @Override
    public Upstream upstream(String organizationId, String mcpServerId) {
        return read(organizationId, mcpServerId, McpServer::upstream);
    }

    private <T> T read(String organizationId, String mcpServerId, Function<McpServer, T> question) {
        IdKind.MCP_SERVER.require(mcpServerId);
        return AggregateReads.read(transactions,
                () -> McpServer.load(servers, mcpServerId, organizationId).invoke(question));
    }
}
