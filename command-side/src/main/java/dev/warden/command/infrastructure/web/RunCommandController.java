package dev.warden.command.infrastructure.web;

import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.infrastructure.RecordDriftCheckCommand;
import dev.warden.events.infrastructure.RecordRunCommand;
import dev.warden.events.infrastructure.UpdateRunCommand;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What runners and checkers report on a workspace: Terraform runs and their progress, and drift
 * checks. The caller (a runner's API key, or a user) is who triggered it; without a {@code trigger}
 * a user's report counts as {@code manual}, a key's as {@code api}.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}/workspaces/{workspaceId}")
class RunCommandController {

    private final CommandSender commands;

    RunCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Requires("workspaces:run")
    @PostMapping("/runs")
    ResponseEntity<CommandResponse> record(@PathVariable String orgId, @PathVariable String workspaceId,
                                           @Valid @RequestBody RunRequests.Record body,
                                           @RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        IdKind.WORKSPACE.require(workspaceId);
        String runId = IdKind.RUN.next();
        var position = commands.send(new RecordRunCommand(workspaceId, orgId, runId, body.operation(), body.status(),
                trigger(body.trigger(), actor), actor.id(), body.resources()));
        return Responses.created(runId, position, "/api/orgs/" + orgId + "/workspaces/" + workspaceId + "/runs/"
                + runId);
    }

    @Requires("workspaces:run")
    @PostMapping("/runs/{runId}/status")
    ResponseEntity<CommandResponse> status(@PathVariable String orgId, @PathVariable String workspaceId,
                                           @PathVariable String runId, @Valid @RequestBody RunRequests.Status body) {
        IdKind.WORKSPACE.require(workspaceId);
        IdKind.RUN.require(runId);
        return Responses.ok(runId, commands.send(new UpdateRunCommand(workspaceId, orgId, runId, body.status(),
                body.resources())));
    }

    @Requires("drift:write")
    @PostMapping("/drift-checks")
    ResponseEntity<CommandResponse> driftCheck(@PathVariable String orgId, @PathVariable String workspaceId,
                                               @Valid @RequestBody RunRequests.DriftCheck body,
                                               @RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        IdKind.WORKSPACE.require(workspaceId);
        String checkId = IdKind.DRIFT_CHECK.next();
        var position = commands.send(new RecordDriftCheckCommand(workspaceId, orgId, checkId, body.status(),
                body.resources(), body.resourcesChecked(), body.summary(), trigger(body.trigger(), actor), actor.id()));
        return Responses.created(checkId, position, "/api/orgs/" + orgId + "/workspaces/" + workspaceId
                + "/drift-checks/" + checkId);
    }

    private static String trigger(String asked, Actor actor) {
        if (asked != null) {
            return asked;
        }
        return actor.isUser() ? "manual" : "api";
    }
}
