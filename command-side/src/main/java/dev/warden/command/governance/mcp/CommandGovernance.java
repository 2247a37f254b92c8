package dev.warden.command.governance.mcp;

import dev.warden.command.governance.ServerAddresses;
import dev.warden.command.governance.ServerGate;
import dev.warden.command.web.CommandSender;
import dev.warden.events.governance.CloseAgentSessionCommand;
import dev.warden.events.governance.Decision;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.governance.RecordToolListCommand;
import dev.warden.events.governance.ToolDefinition;
import dev.warden.events.shared.DomainException;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The proxy's governance questions as commands through the {@link CommandSender} (so they take their
 * aggregate's turn and are retried on contention like any REST command) and as reads of aggregates in
 * a read-only unit of work of their own.
 */
@Component
class CommandGovernance implements Governance {

    private final CommandSender commands;
    private final ServerAddresses addresses;
    private final ServerGate gate;
    private final TransactionManager transactions;

    CommandGovernance(CommandSender commands, ServerAddresses addresses, ServerGate gate,
                      TransactionManager transactions) {
        this.commands = commands;
        this.addresses = addresses;
        this.gate = gate;
        this.transactions = transactions;
    }

    @Override
    public ServerAddresses.Upstream upstream(String organizationId, String mcpServerId) {
        return read(() -> addresses.upstream(organizationId, mcpServerId));
    }

    @Override
    public void open(OpenAgentSessionCommand command) {
        commands.send(command);
    }

    @Override
    public void close(String organizationId, String agentSessionId) {
        try {
            commands.send(new CloseAgentSessionCommand(agentSessionId, organizationId, false));
        } catch (DomainException e) {
            if (e.code() != GovernanceErrorCode.AGENT_SESSION_ENDED) {
                throw e;
            }
        }
    }

    @Override
    public ServerGate.ServerState record(String organizationId, String mcpServerId, List<ToolDefinition> tools) {
        commands.send(new RecordToolListCommand(mcpServerId, organizationId, tools));
        return read(() -> gate.state(organizationId, mcpServerId));
    }

    @Override
    public Decision decide(DecideToolCallCommand command) {
        return commands.call(command);
    }

    /** Runs {@code reading} in a unit of work with a transaction, as aggregates are loaded in, and rolls it back. */
    private <T> T read(Supplier<T> reading) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            return reading.get();
        } finally {
            unitOfWork.rollback();
        }
    }
}
