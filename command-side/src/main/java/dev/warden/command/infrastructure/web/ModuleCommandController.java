package dev.warden.command.infrastructure.web;

import dev.warden.command.infrastructure.ModuleDirectory;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.infrastructure.DeprecateModuleVersionCommand;
import dev.warden.events.infrastructure.PublishModuleVersionCommand;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import java.util.OptionalLong;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands of the module registry: publish a version, deprecate one. */
@RestController
@Validated
@RequestMapping("/api/orgs/{orgId}/modules")
class ModuleCommandController {

    private final CommandSender commands;
    private final ModuleDirectory directory;

    ModuleCommandController(CommandSender commands, ModuleDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    /**
     * Publishes a version: 201 with the module's id when it is new; 200 without a position when
     * exactly this version was published before (nothing is stored); 409 when a version of the same
     * precedence was published with other content.
     */
    @Requires("modules:publish")
    @PostMapping
    ResponseEntity<CommandResponse> publish(@PathVariable String orgId,
                                            @Valid @RequestBody ModuleRequests.Publish body) {
        IdKind.ORGANIZATION.require(orgId);
        String moduleId = directory.moduleIdFor(orgId, body.namespace(), body.name(), body.provider());
        OptionalLong position = commands.send(new PublishModuleVersionCommand(moduleId, orgId, body.namespace(),
                body.name(), body.provider(), body.version(), body.source(), body.description()));
        if (position.isEmpty()) {
            return Responses.ok(moduleId, position);
        }
        return Responses.created(moduleId, position,
                "/api/orgs/" + orgId + "/modules/" + moduleId + "/versions/" + body.version());
    }

    /** Deprecates the version the path names by precedence (build metadata may be left out). */
    @Requires("modules:publish")
    @PostMapping("/{moduleId}/versions/{version}/deprecate")
    ResponseEntity<CommandResponse> deprecate(@PathVariable String orgId, @PathVariable String moduleId,
                                              @PathVariable String version,
                                              @Valid @RequestBody ModuleRequests.Deprecate body) {
        IdKind.MODULE.require(moduleId);
        return Responses.ok(moduleId, commands.send(new DeprecateModuleVersionCommand(moduleId, orgId, version,
                body.reason())));
    }
}
