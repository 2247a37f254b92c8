package dev.warden.command.governance.web;

import dev.warden.command.web.Caller;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.governance.CloseAgentSessionCommand;
import dev.warden.events.governance.GrantApprovalCommand;
import dev.warden.events.governance.RejectApprovalCommand;
import dev.warden.events.governance.TerminateAgentSessionCommand;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import java.util.function.BiFunction;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agent sessions: opened by the caller (an API key or a user) on one MCP server, terminated (the kill
 * switch) or closed; the approvals their decisions opened granted or denied by a signed-in member.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}/agent-sessions")
class AgentSessionCommandController {

    private final CommandSender commands;

    AgentSessionCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Requires("agent-sessions:write")
    @PostMapping
    ResponseEntity<CommandResponse> open(@PathVariable String orgId, @Valid @RequestBody AgentSessionBodies.Open body,
                                         @RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        String agentSessionId = IdKind.AGENT_SESSION.next();
        var position = commands.send(body.command(orgId, agentSessionId, actor));
        return Responses.created(agentSessionId, position, "/api/orgs/" + orgId + "/agent-sessions/" + agentSessionId);
    }

    @Requires("agent-sessions:write")
    @PostMapping("/{agentSessionId}/terminate")
    ResponseEntity<CommandResponse> terminate(@PathVariable String orgId, @PathVariable String agentSessionId,
                                              @Valid @RequestBody AgentSessionBodies.Terminate body) {
        IdKind.AGENT_SESSION.require(agentSessionId);
        return Responses.ok(agentSessionId, commands.send(new TerminateAgentSessionCommand(agentSessionId, orgId,
                body.reason())));
    }

    @Requires("agent-sessions:write")
    @PostMapping("/{agentSessionId}/close")
    ResponseEntity<CommandResponse> close(@PathVariable String orgId, @PathVariable String agentSessionId) {
        IdKind.AGENT_SESSION.require(agentSessionId);
        return Responses.ok(agentSessionId, commands.send(new CloseAgentSessionCommand(agentSessionId, orgId,
                false)));
    }

    /** Grants an approval: the identical call in the session is allowed from now on. */
    @Requires("agent-sessions:approve")
    @PostMapping("/{agentSessionId}/approvals/{approvalId}/approve")
    ResponseEntity<CommandResponse> approve(@PathVariable String orgId, @PathVariable String agentSessionId,
                                            @PathVariable String approvalId,
                                            @Valid @RequestBody(required = false) AgentSessionBodies.Reason body) {
        return decide(agentSessionId, approvalId, (userId, reason) -> new GrantApprovalCommand(agentSessionId, orgId,
                approvalId, userId, reason), body);
    }

    /** Denies an approval: the identical call in the session is denied from now on. */
    @Requires("agent-sessions:approve")
    @PostMapping("/{agentSessionId}/approvals/{approvalId}/deny")
    ResponseEntity<CommandResponse> deny(@PathVariable String orgId, @PathVariable String agentSessionId,
                                         @PathVariable String approvalId,
                                         @Valid @RequestBody(required = false) AgentSessionBodies.Reason body) {
        return decide(agentSessionId, approvalId, (userId, reason) -> new RejectApprovalCommand(agentSessionId, orgId,
                approvalId, userId, reason), body);
    }

    /**
     * Sends a member's decision on an approval, made by {@code decision} from the member and the reason:
     * an approval is decided by a signed-in member, so an API key is refused.
     */
    private ResponseEntity<CommandResponse> decide(String agentSessionId, String approvalId,
                                                   BiFunction<String, String, Object> decision,
                                                   AgentSessionBodies.Reason body) {
        String userId = Caller.userId();
        IdKind.AGENT_SESSION.require(agentSessionId);
        IdKind.APPROVAL.require(approvalId);
        return Responses.ok(approvalId, commands.send(decision.apply(userId, body == null ? null : body.reason())));
    }
}
