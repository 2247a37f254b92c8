package dev.warden.command.identity.web;

import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.identity.ErasePersonalDataCommand;
import dev.warden.events.shared.EndpointAccess.SelfOrOperator;
import dev.warden.events.shared.IdKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a user's personal data: asked by the user themself or by an operator. It answers 200 with
 * the log position, also for a repeat (which changes nothing); the read models show the user as erased
 * once the answer arrives.
 */
@RestController
class PersonalDataCommandController {

    private final CommandSender commands;

    PersonalDataCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @SelfOrOperator
    @DeleteMapping("/api/users/{userId}/personal-data")
    ResponseEntity<CommandResponse> erase(@PathVariable String userId) {
        IdKind.USER.require(userId);
        return Responses.ok(userId, commands.sendSettled(new ErasePersonalDataCommand(userId)));
    }
}
