package dev.warden.command.governance.web;

import dev.warden.command.web.CommandSender;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.Decision;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decides a tool call: in an agent session of the caller, or in a session opened for the caller on the
 * server named. Answers the decision (allow, deny, alert or approval-required, and what decided it),
 * never the arguments: the log keeps their hash and their ciphertext only.
 */
@RestController
class DecisionCommandController {

    private final CommandSender commands;

    DecisionCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Requires("agent-sessions:write")
    @PostMapping("/api/orgs/{orgId}/decisions")
    ResponseEntity<Decision> decide(@PathVariable String orgId, @Valid @RequestBody AgentSessionBodies.Decide body,
                                    @RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        String agentSessionId = body.agentSessionId();
        if (body.opensSession() == (body.mcpServerId() == null)) {
            throw new DomainException(GovernanceErrorCode.INVALID_TOOL_CALL,
                    "A decision names either its agent session (agentSessionId) or the MCP server to open one on"
                            + " (mcpServerId), not both");
        }
        if (body.opensSession()) {
            agentSessionId = IdKind.AGENT_SESSION.next();
            commands.send(body.open().command(orgId, agentSessionId, actor));
        } else if (body.agentName() != null || body.aiSystemId() != null) {
            throw new DomainException(GovernanceErrorCode.INVALID_TOOL_CALL,
                    "agentName and aiSystemId describe a session to open; the session named has its own");
        } else {
            IdKind.AGENT_SESSION.require(agentSessionId);
        }
        Decision decision = commands.call(new DecideToolCallCommand(agentSessionId, orgId, IdKind.DECISION.next(),
                body.tool(), body.arguments()));
        return ResponseEntity.ok(decision);
    }
}
