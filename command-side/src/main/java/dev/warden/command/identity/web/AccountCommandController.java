package dev.warden.command.identity.web;

import dev.warden.events.shared.EndpointAccess.OperatorOnly;
import dev.warden.events.shared.IdKind;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.identity.DeactivateUserCommand;
import dev.warden.events.identity.GrantOperatorCommand;
import dev.warden.events.identity.ReactivateUserCommand;
import dev.warden.events.identity.RevokeAllSessionsCommand;
import dev.warden.events.identity.RevokeOperatorCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account-wide actions, above every organization: operators only. They show in the audit trail of
 * every organization the user belongs to.
 */
@RestController
class AccountCommandController {

    private final CommandSender commands;

    AccountCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @OperatorOnly
    @PostMapping("/api/users/{userId}/deactivate")
    ResponseEntity<CommandResponse> deactivate(@PathVariable String userId) {
        IdKind.USER.require(userId);
        return Responses.ok(userId, commands.sendSettled(new DeactivateUserCommand(userId)));
    }

    @OperatorOnly
    @PostMapping("/api/users/{userId}/reactivate")
    ResponseEntity<CommandResponse> reactivate(@PathVariable String userId) {
        IdKind.USER.require(userId);
        return Responses.ok(userId, commands.sendSettled(new ReactivateUserCommand(userId)));
    }

    @OperatorOnly
    @DeleteMapping("/api/users/{userId}/sessions")
    ResponseEntity<CommandResponse> revokeSessions(@PathVariable String userId) {
        IdKind.USER.require(userId);
        return Responses.ok(userId, commands.sendSettled(new RevokeAllSessionsCommand(userId)));
    }

    @OperatorOnly
    @PutMapping("/api/users/{userId}/operator")
    ResponseEntity<CommandResponse> grantOperator(@PathVariable String userId) {
        IdKind.USER.require(userId);
        return Responses.ok(userId, commands.sendSettled(new GrantOperatorCommand(userId)));
    }

    @OperatorOnly
    @DeleteMapping("/api/users/{userId}/operator")
    ResponseEntity<CommandResponse> revokeOperator(@PathVariable String userId) {
        IdKind.USER.require(userId);
        return Responses.ok(userId, commands.sendSettled(new RevokeOperatorCommand(userId)));
    }
}
