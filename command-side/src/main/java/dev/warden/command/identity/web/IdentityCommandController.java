package dev.warden.command.identity.web;

import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.PathIds;
import dev.warden.command.web.Responses;
import dev.warden.events.identity.AddMemberCommand;
import dev.warden.events.identity.CreateOrganizationCommand;
import dev.warden.events.identity.RegisterUserCommand;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Commands of the identity context needed by access control: users, organizations, members. */
@RestController
class IdentityCommandController {

    private final CommandSender commands;

    IdentityCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/users")
    ResponseEntity<CommandResponse> register(@Valid @RequestBody RegisterUserRequest body) {
        String userId = IdKind.USER.next();
        var position = commands.send(new RegisterUserCommand(userId, body.email(), body.displayName()));
        return Responses.created(userId, position, "/api/users/" + userId);
    }

    @PostMapping("/api/orgs")
    ResponseEntity<CommandResponse> createOrganization(@Valid @RequestBody CreateOrganizationRequest body) {
        String organizationId = IdKind.ORGANIZATION.next();
        var position = commands.send(new CreateOrganizationCommand(organizationId, body.name()));
        return Responses.created(organizationId, position, "/api/orgs/" + organizationId);
    }

    @PostMapping("/api/orgs/{orgId}/members")
    ResponseEntity<CommandResponse> addMember(@PathVariable String orgId, @Valid @RequestBody AddMemberRequest body) {
        PathIds.organization(orgId);
        PathIds.user(body.userId());
        String memberId = IdKind.MEMBER.next();
        var position = commands.send(new AddMemberCommand(orgId, memberId, body.userId()));
        return Responses.created(memberId, position, "/api/orgs/" + orgId + "/members/" + body.userId());
    }
}
