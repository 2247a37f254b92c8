package dev.warden.command.credentials.web;

import dev.warden.command.credentials.RevealedCredential;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.credentials.DestroyCredentialCommand;
import dev.warden.events.credentials.RevealCredentialCommand;
import dev.warden.events.credentials.RevokeCredentialCommand;
import dev.warden.events.credentials.RotateCredentialCommand;
import dev.warden.events.shared.IdKind;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the cloud and app credential endpoints do alike once the path's id has the kind of the
 * endpoint: rotate, revoke, destroy, reveal. A reveal's answer is never cached ({@code no-store}).
 */
@Component
class CredentialActions {

    /** The body of a reveal: the version revealed and every field's plaintext. */
    record Revealed(String id, int version, Map<String, String> values) {

        @Override
        public String toString() {
            return "Revealed[" + id + ", version " + version + ", fields " + values.keySet() + "]";
        }
    }

    private final CommandSender commands;

    CredentialActions(CommandSender commands) {
        this.commands = commands;
    }

    ResponseEntity<CommandResponse> rotate(IdKind kind, String orgId, String id, CredentialRequests.Rotate body) {
        kind.require(id);
        return Responses.ok(id, commands.send(new RotateCredentialCommand(id, orgId, body.values())));
    }

    ResponseEntity<CommandResponse> revoke(IdKind kind, String orgId, String id) {
        kind.require(id);
        return Responses.ok(id, commands.send(new RevokeCredentialCommand(id, orgId)));
    }

    ResponseEntity<CommandResponse> destroy(IdKind kind, String orgId, String id) {
        kind.require(id);
        return Responses.ok(id, commands.send(new DestroyCredentialCommand(id, orgId)));
    }

    ResponseEntity<Revealed> reveal(IdKind kind, String orgId, String id) {
        kind.require(id);
        RevealedCredential revealed = commands.call(new RevealCredentialCommand(id, orgId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Revealed(id, revealed.version(), revealed.values()));
    }
}
