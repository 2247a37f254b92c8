package dev.warden.command.infrastructure.web;

import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.infrastructure.ArchiveWorkspaceCommand;
import dev.warden.events.infrastructure.ChangeWorkspaceSettingsCommand;
import dev.warden.events.infrastructure.CreateWorkspaceCommand;
import dev.warden.events.infrastructure.LockWorkspaceCommand;
import dev.warden.events.infrastructure.RemoveWorkspaceVariableCommand;
import dev.warden.events.infrastructure.SetWorkspaceVariableCommand;
import dev.warden.events.infrastructure.UnlockWorkspaceCommand;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands on Terraform workspaces: create one in a project, change its settings and variables,
 * lock and unlock it (as the caller, a user or an API key), archive it.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}")
class WorkspaceCommandController {

    private final CommandSender commands;

    WorkspaceCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Requires("workspaces:write")
    @PostMapping("/projects/{projectId}/workspaces")
    ResponseEntity<CommandResponse> create(@PathVariable String orgId, @PathVariable String projectId,
                                           @Valid @RequestBody WorkspaceRequests.Create body) {
        IdKind.PROJECT.require(projectId);
        String workspaceId = IdKind.WORKSPACE.next();
        var position = commands.send(new CreateWorkspaceCommand(workspaceId, orgId, projectId, body.name(),
                body.settings()));
        return Responses.created(workspaceId, position, "/api/orgs/" + orgId + "/workspaces/" + workspaceId);
    }

    @Requires("workspaces:write")
    @PutMapping("/workspaces/{workspaceId}/settings")
    ResponseEntity<CommandResponse> settings(@PathVariable String orgId, @PathVariable String workspaceId,
                                             @Valid @RequestBody WorkspaceRequests.Settings body) {
        IdKind.WORKSPACE.require(workspaceId);
        return Responses.ok(workspaceId, commands.send(new ChangeWorkspaceSettingsCommand(workspaceId, orgId,
                body.settings())));
    }

    @Requires("workspaces:write")
    @PutMapping("/workspaces/{workspaceId}/variables/{variableName}")
    ResponseEntity<CommandResponse> setVariable(@PathVariable String orgId, @PathVariable String workspaceId,
                                                @PathVariable String variableName,
                                                @Valid @RequestBody WorkspaceRequests.Variable body) {
        IdKind.WORKSPACE.require(workspaceId);
        return Responses.ok(workspaceId, commands.send(new SetWorkspaceVariableCommand(workspaceId, orgId,
                variableName, body.value(), body.credentialId(), Boolean.TRUE.equals(body.sensitive()))));
    }

    @Requires("workspaces:write")
    @DeleteMapping("/workspaces/{workspaceId}/variables/{variableName}")
    ResponseEntity<CommandResponse> removeVariable(@PathVariable String orgId, @PathVariable String workspaceId,
                                                   @PathVariable String variableName) {
        IdKind.WORKSPACE.require(workspaceId);
        return Responses.ok(workspaceId, commands.send(new RemoveWorkspaceVariableCommand(workspaceId, orgId,
                variableName)));
    }

    @Requires("workspaces:write")
    @PostMapping("/workspaces/{workspaceId}/lock")
    ResponseEntity<CommandResponse> lock(@PathVariable String orgId, @PathVariable String workspaceId,
                                         @Valid @RequestBody WorkspaceRequests.Lock body,
                                         @RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        IdKind.WORKSPACE.require(workspaceId);
        return Responses.ok(workspaceId, commands.send(new LockWorkspaceCommand(workspaceId, orgId, actor.id(),
                body.reason())));
    }

    /** The holder unlocks; anyone else needs {@code workspaces:unlock} as well (checked by the workspace). */
    @Requires("workspaces:write")
    @PostMapping("/workspaces/{workspaceId}/unlock")
    ResponseEntity<CommandResponse> unlock(@PathVariable String orgId, @PathVariable String workspaceId,
                                           @Valid @RequestBody(required = false) WorkspaceRequests.Unlock body,
                                           @RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        IdKind.WORKSPACE.require(workspaceId);
        return Responses.ok(workspaceId, commands.send(new UnlockWorkspaceCommand(workspaceId, orgId, actor.id(),
                body == null ? null : body.reason())));
    }

    @Requires("workspaces:write")
    @PostMapping("/workspaces/{workspaceId}/archive")
    ResponseEntity<CommandResponse> archive(@PathVariable String orgId, @PathVariable String workspaceId) {
        IdKind.WORKSPACE.require(workspaceId);
        return Responses.ok(workspaceId, commands.send(new ArchiveWorkspaceCommand(workspaceId, orgId)));
    }
}
