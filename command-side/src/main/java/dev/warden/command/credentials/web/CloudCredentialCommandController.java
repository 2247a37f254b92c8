package dev.warden.command.credentials.web;

import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.credentials.CredentialKind;
import dev.warden.events.credentials.StoreCredentialCommand;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on an organization's cloud provider credentials (aws, azure, gcp): store, rotate, revoke, destroy, reveal. */
@RestController
@RequestMapping("/api/orgs/{orgId}/credentials")
class CloudCredentialCommandController {

    private static final IdKind KIND = IdKind.CREDENTIAL;

    private final CommandSender commands;
    private final CredentialActions actions;

    CloudCredentialCommandController(CommandSender commands, CredentialActions actions) {
        this.commands = commands;
        this.actions = actions;
    }

    @Requires("credentials:write")
    @PostMapping
    ResponseEntity<CommandResponse> store(@PathVariable String orgId, @Valid @RequestBody CredentialRequests.StoreCloud body) {
        String id = KIND.next();
        var position = commands.send(new StoreCredentialCommand(id, orgId, CredentialKind.CLOUD, body.credentialTypeId(), body.provider(),
                body.name(), body.description(), body.values()));
        return Responses.created(id, position, "/api/orgs/" + orgId + "/credentials/" + id);
    }

    @Requires("credentials:write")
    @PostMapping("/{credentialId}/rotate")
    ResponseEntity<CommandResponse> rotate(@PathVariable String orgId, @PathVariable String credentialId,
                                           @Valid @RequestBody CredentialRequests.Rotate body) {
        return actions.rotate(KIND, orgId, credentialId, body);
    }

    @Requires("credentials:write")
    @PostMapping("/{credentialId}/revoke")
    ResponseEntity<CommandResponse> revoke(@PathVariable String orgId, @PathVariable String credentialId) {
        return actions.revoke(KIND, orgId, credentialId);
    }

    /** Destroys the secret for good: its data key is shredded; the metadata stays. */
    @Requires("credentials:write")
    @PostMapping("/{credentialId}/destroy")
    ResponseEntity<CommandResponse> destroy(@PathVariable String orgId, @PathVariable String credentialId) {
        return actions.destroy(KIND, orgId, credentialId);
    }

    /** The plaintext, once; the reveal is an event the audit trail shows. */
    @Requires("credentials:reveal")
    @PostMapping("/{credentialId}/reveal")
    ResponseEntity<CredentialActions.Revealed> reveal(@PathVariable String orgId, @PathVariable String credentialId) {
        return actions.reveal(KIND, orgId, credentialId);
    }
}
