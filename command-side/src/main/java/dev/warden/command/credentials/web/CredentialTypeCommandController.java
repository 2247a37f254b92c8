package dev.warden.command.credentials.web;

import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.credentials.CreateCredentialTypeCommand;
import dev.warden.events.credentials.CredentialField;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Creates an organization's own credential types (the system's are seeded). */
@RestController
@RequestMapping("/api/orgs/{orgId}/credential-types")
class CredentialTypeCommandController {

    private final CommandSender commands;

    CredentialTypeCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Requires("credentials:write")
    @PostMapping
    ResponseEntity<CommandResponse> create(@PathVariable String orgId,
                                           @Valid @RequestBody CredentialRequests.CreateType body) {
        String typeId = IdKind.CREDENTIAL_TYPE.next();
        var fields = body.fields().stream().map(f -> new CredentialField(f.name(), Boolean.TRUE.equals(f.secret()),
                Boolean.TRUE.equals(f.required()), f.pattern())).toList();
        var position = commands.send(new CreateCredentialTypeCommand(typeId, orgId, body.name(), body.provider(),
                body.description(), fields));
        return Responses.created(typeId, position, "/api/orgs/" + orgId + "/credential-types/" + typeId);
    }
}
