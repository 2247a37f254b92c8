package dev.warden.command.governance.mcp;

import dev.warden.command.governance.ProxyStanding;
import dev.warden.command.governance.ServerAddresses;
import dev.warden.command.governance.ToolListOutcome;
import dev.warden.command.web.CommandSender;
import dev.warden.events.governance.CloseAgentSessionCommand;
import dev.warden.events.governance.Decision;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.governance.RecordToolListCommand;
import dev.warden.events.governance.ToolDefinition;
import dev.warden.events.shared.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The proxy's governance questions as commands through the {@link CommandSender} (so they take their
 * aggregate's turn and are retried on contention like any REST command); a server's address and the
 * standing of the server and the session are read from their aggregates.
 */
@Component
class CommandGovernance implements Governance {

    private final CommandSender commands;
    private final ServerAddresses addresses;
    private final ProxyStanding standing;

    CommandGovernance(CommandSender commands, ServerAddresses addresses, ProxyStanding standing) {
        this.commands = commands;
        this.addresses = addresses;
        this.standing = standing;
    }

    @Override
    public ServerAddresses.Upstream upstream(String organizationId, String mcpServerId) {
        return addresses.upstream(organizationId, mcpServerId);
    }

    @Override
    public String refusal(String organizationId, String mcpServerId, String agentSessionId) {
        return standing.refusal(organizationId, mcpServerId, agentSessionId);
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
    public Set<String> record(String organizationId, String mcpServerId, List<ToolDefinition> tools) {
        ToolListOutcome outcome = commands.call(new RecordToolListCommand(mcpServerId, organizationId, tools));
        Set<String> callable = new HashSet<>(outcome.pinned());
        callable.addAll(outcome.unchanged());
        return callable;
    }

    @Override
    public Decision decide(DecideToolCallCommand command) {
        return commands.call(command);
    }
}
