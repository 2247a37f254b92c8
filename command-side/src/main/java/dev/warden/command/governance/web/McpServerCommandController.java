package dev.warden.command.governance.web;

import dev.warden.command.governance.ToolListOutcome;
import dev.warden.command.web.Caller;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.governance.ApproveToolDefinitionCommand;
import dev.warden.events.governance.DeregisterMcpServerCommand;
import dev.warden.events.governance.RecordToolListCommand;
import dev.warden.events.governance.RegisterMcpServerCommand;
import dev.warden.events.governance.ResumeMcpServerCommand;
import dev.warden.events.governance.SuspendMcpServerCommand;
import dev.warden.events.governance.UpdateMcpServerCommand;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands on an organization's MCP servers: register, update, suspend (the kill switch), resume,
 * deregister; record the tools a server presents, and approve a held tool's changed definition.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}/mcp-servers")
class McpServerCommandController {

    private final CommandSender commands;

    McpServerCommandController(CommandSender commands) {
        this.commands = commands;
    }

    /** What recording a tool list answers: the server and what became of each tool presented. */
    record ToolListAnswer(String id, List<String> pinned, List<String> unchanged, List<ToolListOutcome.HeldTool> held) {
    }

    @Requires("mcp-servers:write")
    @PostMapping
    ResponseEntity<CommandResponse> register(@PathVariable String orgId,
                                             @Valid @RequestBody McpServerRequests.Registration body) {
        String serverId = IdKind.MCP_SERVER.next();
        var position = commands.send(new RegisterMcpServerCommand(serverId, orgId, body.name(), body.transport(),
                body.url(), body.command(), body.credentialId(), body.labels()));
        return Responses.created(serverId, position, "/api/orgs/" + orgId + "/mcp-servers/" + serverId);
    }

    @Requires("mcp-servers:write")
    @PutMapping("/{serverId}")
    ResponseEntity<CommandResponse> update(@PathVariable String orgId, @PathVariable String serverId,
                                           @Valid @RequestBody McpServerRequests.Registration body) {
        IdKind.MCP_SERVER.require(serverId);
        return Responses.ok(serverId, commands.send(new UpdateMcpServerCommand(serverId, orgId, body.name(),
                body.transport(), body.url(), body.command(), body.credentialId(), body.labels())));
    }

    @Requires("mcp-servers:write")
    @PostMapping("/{serverId}/suspend")
    ResponseEntity<CommandResponse> suspend(@PathVariable String orgId, @PathVariable String serverId,
                                            @Valid @RequestBody(required = false) McpServerRequests.Suspension body) {
        IdKind.MCP_SERVER.require(serverId);
        return Responses.ok(serverId, commands.send(new SuspendMcpServerCommand(serverId, orgId,
                body == null ? null : body.reason())));
    }

    @Requires("mcp-servers:write")
    @PostMapping("/{serverId}/resume")
    ResponseEntity<CommandResponse> resume(@PathVariable String orgId, @PathVariable String serverId) {
        IdKind.MCP_SERVER.require(serverId);
        return Responses.ok(serverId, commands.send(new ResumeMcpServerCommand(serverId, orgId)));
    }

    @Requires("mcp-servers:write")
    @DeleteMapping("/{serverId}")
    ResponseEntity<CommandResponse> deregister(@PathVariable String orgId, @PathVariable String serverId) {
        IdKind.MCP_SERVER.require(serverId);
        return Responses.ok(serverId, commands.send(new DeregisterMcpServerCommand(serverId, orgId)));
    }

    /** Records the tools as presented, each hashed here; answers which were pinned, unchanged and held. */
    @Requires("mcp-servers:write")
    @PutMapping("/{serverId}/tools")
    ResponseEntity<ToolListAnswer> recordTools(@PathVariable String orgId, @PathVariable String serverId,
                                               @Valid @RequestBody McpServerRequests.ToolList body) {
        IdKind.MCP_SERVER.require(serverId);
        ToolListOutcome outcome = commands.call(new RecordToolListCommand(serverId, orgId, body.definitions()));
        return ResponseEntity.ok(new ToolListAnswer(serverId, outcome.pinned(), outcome.unchanged(), outcome.held()));
    }

    /**
     * Approves the definition a held tool presented, named by its hash; the tool is callable again. A
     * signed-in member looks at it: an API key is refused, since an agent's key could otherwise clear the
     * rug pull its own server made.
     */
    @Requires("mcp-servers:approve")
    @PostMapping("/{serverId}/tools/{toolName}/approve")
    ResponseEntity<CommandResponse> approve(@PathVariable String orgId, @PathVariable String serverId,
                                            @PathVariable String toolName,
                                            @Valid @RequestBody McpServerRequests.Approval body) {
        String userId = Caller.userId();
        IdKind.MCP_SERVER.require(serverId);
        return Responses.ok(serverId, commands.send(new ApproveToolDefinitionCommand(serverId, orgId, toolName,
                body.definitionHash(), userId)));
    }
}
