package dev.warden.command.infrastructure.web;

import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.infrastructure.ArchiveProjectCommand;
import dev.warden.events.infrastructure.CreateProjectCommand;
import dev.warden.events.infrastructure.DescribeProjectCommand;
import dev.warden.events.infrastructure.LabelProjectCommand;
import dev.warden.events.infrastructure.RenameProjectCommand;
import dev.warden.events.infrastructure.RestoreProjectCommand;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on an organization's projects: create, rename, describe, label, archive, restore. */
@RestController
@RequestMapping("/api/orgs/{orgId}/projects")
class ProjectCommandController {

    private final CommandSender commands;

    ProjectCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Requires("projects:write")
    @PostMapping
    ResponseEntity<CommandResponse> create(@PathVariable String orgId, @Valid @RequestBody ProjectRequests.Create body) {
        String projectId = IdKind.PROJECT.next();
        var position = commands.send(new CreateProjectCommand(projectId, orgId, body.name(), body.description(),
                body.labels()));
        return Responses.created(projectId, position, "/api/orgs/" + orgId + "/projects/" + projectId);
    }

    @Requires("projects:write")
    @PutMapping("/{projectId}/name")
    ResponseEntity<CommandResponse> rename(@PathVariable String orgId, @PathVariable String projectId,
                                           @Valid @RequestBody ProjectRequests.Rename body) {
        IdKind.PROJECT.require(projectId);
        return Responses.ok(projectId, commands.send(new RenameProjectCommand(projectId, orgId, body.name())));
    }

    @Requires("projects:write")
    @PutMapping("/{projectId}/description")
    ResponseEntity<CommandResponse> describe(@PathVariable String orgId, @PathVariable String projectId,
                                             @Valid @RequestBody ProjectRequests.Describe body) {
        IdKind.PROJECT.require(projectId);
        return Responses.ok(projectId, commands.send(new DescribeProjectCommand(projectId, orgId,
                body.description())));
    }

    @Requires("projects:write")
    @PutMapping("/{projectId}/labels")
    ResponseEntity<CommandResponse> label(@PathVariable String orgId, @PathVariable String projectId,
                                          @Valid @RequestBody ProjectRequests.Label body) {
        IdKind.PROJECT.require(projectId);
        return Responses.ok(projectId, commands.send(new LabelProjectCommand(projectId, orgId, body.labels())));
    }

    @Requires("projects:write")
    @PostMapping("/{projectId}/archive")
    ResponseEntity<CommandResponse> archive(@PathVariable String orgId, @PathVariable String projectId) {
        IdKind.PROJECT.require(projectId);
        return Responses.ok(projectId, commands.send(new ArchiveProjectCommand(projectId, orgId)));
    }

    @Requires("projects:write")
    @PostMapping("/{projectId}/restore")
    ResponseEntity<CommandResponse> restore(@PathVariable String orgId, @PathVariable String projectId) {
        IdKind.PROJECT.require(projectId);
        return Responses.ok(projectId, commands.send(new RestoreProjectCommand(projectId, orgId)));
    }
}
