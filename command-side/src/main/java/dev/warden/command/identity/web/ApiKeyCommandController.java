package dev.warden.command.identity.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.command.identity.web.IdentityRequests.IssueApiKey;
import dev.warden.command.identity.web.IdentityRequests.IssuedKey;
import dev.warden.command.support.Secrets;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.identity.IssueApiKeyCommand;
import dev.warden.events.identity.RevokeApiKeyCommand;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys of an organization. The secret ({@code wdn_...}) is answered exactly once, when the key
 * is issued; the service keeps only its SHA-256 and a short prefix to recognise it by.
 */
@RestController
class ApiKeyCommandController {

    /** How many characters of the secret (after {@code wdn_}) stay visible in listings. */
    static final int VISIBLE = 8;

    private final CommandSender commands;

    ApiKeyCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Requires("api-keys:write")
    @PostMapping("/api/orgs/{orgId}/api-keys")
    ResponseEntity<IssuedKey> issue(@PathVariable String orgId, @Valid @RequestBody IssueApiKey body,
                                    @RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        String keyId = IdKind.API_KEY.next();
        String secret = Secrets.newSecret(Secrets.API_KEY_PREFIX);
        String prefix = secret.substring(0, Secrets.API_KEY_PREFIX.length() + VISIBLE);
        var position = commands.sendSettled(new IssueApiKeyCommand(keyId, orgId, body.name(), prefix,
                Secrets.sha256(secret), body.scopes(), body.expiresAt(), actor.userId()));
        var response = ResponseEntity.created(URI.create("/api/orgs/" + orgId + "/api-keys/" + keyId))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        position.ifPresent(p -> response.header(Responses.POSITION_HEADER, Long.toString(p)));
        return response.body(new IssuedKey(keyId, secret, prefix, position.isPresent() ? position.getAsLong() : null));
    }

    @Requires("api-keys:write")
    @DeleteMapping("/api/orgs/{orgId}/api-keys/{keyId}")
    ResponseEntity<CommandResponse> revoke(@PathVariable String orgId, @PathVariable String keyId) {
        IdKind.API_KEY.require(keyId);
        return Responses.ok(keyId, commands.sendSettled(new RevokeApiKeyCommand(keyId, orgId)));
    }
}
