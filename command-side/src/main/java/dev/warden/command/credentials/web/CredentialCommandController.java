package dev.warden.command.credentials.web;

import dev.warden.command.credentials.RevealedCredential;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.credentials.CredentialKind;
import dev.warden.events.credentials.DestroyCredentialCommand;
import dev.warden.events.credentials.RevealCredentialCommand;
import dev.warden.events.credentials.RevokeCredentialCommand;
import dev.warden.events.credentials.RotateCredentialCommand;
import dev.warden.events.credentials.StoreCredentialCommand;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Commands on an organization's cloud provider credentials ({@code /credentials}, aws, azure, gcp) and
 * app credentials ({@code /app-credentials}, of any type): store, rotate, revoke, destroy, reveal. An id
 * of the other kind under a path names nothing (404). A reveal's answer is never cached.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}")
class CredentialCommandController {

    private static final String CLOUD = "/credentials/{credentialId}";
    private static final String APP = "/app-credentials/{credentialId}";

    /** The body of a reveal: the version revealed and every field's plaintext. */
    record Revealed(String id, int version, Map<String, String> values) {

        @Override
        public String toString() {
            return "Revealed[" + id + ", version " + version + ", fields " + values.keySet() + "]";
        }
    }

    private final CommandSender commands;

    CredentialCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Requires("credentials:write")
    @PostMapping("/credentials")
    ResponseEntity<CommandResponse> storeCloud(@PathVariable String orgId,
                                               @Valid @RequestBody CredentialRequests.StoreCloud body) {
        String id = IdKind.CREDENTIAL.next();
        return created(orgId, "/credentials/", id, new StoreCredentialCommand(id, orgId, CredentialKind.CLOUD,
                body.credentialTypeId(), body.provider(), body.name(), body.description(), body.values()));
    }

    @Requires("credentials:write")
    @PostMapping("/app-credentials")
    ResponseEntity<CommandResponse> storeApp(@PathVariable String orgId,
                                             @Valid @RequestBody CredentialRequests.StoreApp body) {
        String id = IdKind.APP_CREDENTIAL.next();
        return created(orgId, "/app-credentials/", id, new StoreCredentialCommand(id, orgId, CredentialKind.APP,
                body.credentialTypeId(), null, body.name(), body.description(), body.values()));
    }

    @Requires("credentials:write")
    @PostMapping({CLOUD + "/rotate", APP + "/rotate"})
    ResponseEntity<CommandResponse> rotate(@PathVariable String orgId, @PathVariable String credentialId,
                                           @Valid @RequestBody CredentialRequests.Rotate body,
                                           HttpServletRequest request) {
        return Responses.ok(credentialId, commands.send(new RotateCredentialCommand(require(request, credentialId),
                orgId, body.values())));
    }

    @Requires("credentials:write")
    @PostMapping({CLOUD + "/revoke", APP + "/revoke"})
    ResponseEntity<CommandResponse> revoke(@PathVariable String orgId, @PathVariable String credentialId,
                                           HttpServletRequest request) {
        return Responses.ok(credentialId, commands.send(new RevokeCredentialCommand(require(request, credentialId),
                orgId)));
    }

    /** Destroys the secret for good: its data key is shredded; the metadata stays. */
    @Requires("credentials:write")
    @PostMapping({CLOUD + "/destroy", APP + "/destroy"})
    ResponseEntity<CommandResponse> destroy(@PathVariable String orgId, @PathVariable String credentialId,
                                            HttpServletRequest request) {
        return Responses.ok(credentialId, commands.send(new DestroyCredentialCommand(require(request, credentialId),
                orgId)));
    }

    /** The plaintext, once; the reveal is an event the audit trail shows. */
    @Requires("credentials:reveal")
    @PostMapping({CLOUD + "/reveal", APP + "/reveal"})
    ResponseEntity<Revealed> reveal(@PathVariable String orgId, @PathVariable String credentialId,
                                    HttpServletRequest request) {
        RevealedCredential revealed = commands.call(new RevealCredentialCommand(require(request, credentialId),
                orgId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Revealed(credentialId, revealed.version(), revealed.values()));
    }

    private ResponseEntity<CommandResponse> created(String orgId, String path, String id, Object command) {
        OptionalLong position = commands.send(command);
        return Responses.created(id, position, "/api/orgs/" + orgId + path + id);
    }

    /** {@code credentialId} if it has the kind of the path it came under; else it names nothing (404). */
    private static String require(HttpServletRequest request, String credentialId) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        boolean app = pattern != null && pattern.toString().contains("/app-credentials/");
        return (app ? IdKind.APP_CREDENTIAL : IdKind.CREDENTIAL).require(credentialId);
    }
}
