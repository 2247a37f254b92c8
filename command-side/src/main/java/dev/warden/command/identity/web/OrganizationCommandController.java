package dev.warden.command.identity.web;

import dev.warden.command.identity.IdentityCommandHandler;
import dev.warden.command.identity.PasswordHasher;
import dev.warden.command.identity.web.IdentityRequests.AddMember;
import dev.warden.command.identity.web.IdentityRequests.ChangeMemberRole;
import dev.warden.command.identity.web.IdentityRequests.CreateOrganization;
import dev.warden.command.identity.web.IdentityRequests.RegisterUser;
import dev.warden.command.identity.web.IdentityRequests.RenameOrganization;
import dev.warden.command.support.UniqueNames;
import dev.warden.command.web.Caller;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.PathIds;
import dev.warden.command.web.Responses;
import dev.warden.events.identity.AddMemberCommand;
import dev.warden.events.identity.ChangeMemberRoleCommand;
import dev.warden.events.identity.CreateOrganizationCommand;
import dev.warden.events.identity.DeactivateUserCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.ReactivateUserCommand;
import dev.warden.events.identity.RegisterUserCommand;
import dev.warden.events.identity.RemoveMemberCommand;
import dev.warden.events.identity.RevokeAllSessionsCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Organizations and their members: create, rename, invite, add, change role, remove, (de)activate. */
@RestController
class OrganizationCommandController {

    private final CommandSender commands;
    private final PasswordHasher hasher;
    private final UniqueNames names;

    OrganizationCommandController(CommandSender commands, PasswordHasher hasher, UniqueNames names) {
        this.commands = commands;
        this.hasher = hasher;
        this.names = names;
    }

    /** Creates an organization; the signed-in creator becomes its Admin. */
    @PostMapping("/api/orgs")
    ResponseEntity<CommandResponse> create(@Valid @RequestBody CreateOrganization body) {
        String userId = Caller.userId();
        String organizationId = IdKind.ORGANIZATION.next();
        var position = commands.sendSettled(new CreateOrganizationCommand(organizationId, body.name(), userId,
                IdKind.MEMBER.next()));
        return Responses.created(organizationId, position, "/api/orgs/" + organizationId);
    }

    @PatchMapping("/api/orgs/{orgId}")
    ResponseEntity<CommandResponse> rename(@PathVariable String orgId, @Valid @RequestBody RenameOrganization body) {
        return Responses.ok(orgId, commands.send(new dev.warden.events.identity.RenameOrganizationCommand(orgId,
                body.name())));
    }

    /** Registers a new user invited by this organization; they join it as a Viewer. */
    @PostMapping("/api/orgs/{orgId}/users")
    ResponseEntity<CommandResponse> register(@PathVariable String orgId, @Valid @RequestBody RegisterUser body) {
        hasher.requireAcceptable(body.password(), body.email());
        String userId = IdKind.USER.next();
        var position = commands.sendSettled(new RegisterUserCommand(userId, body.email(), body.displayName(),
                hasher.hash(body.password()), orgId, IdKind.MEMBER.next()));
        return Responses.created(userId, position, "/api/orgs/" + orgId + "/members/" + userId);
    }

    /** Adds an existing user, named by id or email, as a Viewer. */
    @PostMapping("/api/orgs/{orgId}/members")
    ResponseEntity<CommandResponse> addMember(@PathVariable String orgId, @Valid @RequestBody AddMember body) {
        if ((body.userId() == null) == (body.email() == null)) {
            throw new DomainException(IdentityErrorCode.INVALID_EMAIL, "Name the user by userId or by email, not both");
        }
        String userId = body.userId() != null ? body.userId()
                : names.ownerOf(IdentityCommandHandler.EMAIL_SCOPE, IdentityCommandHandler.emailKey(body.email()))
                        .orElseThrow(() -> new DomainException(IdentityErrorCode.USER_NOT_FOUND, "No user with this email"));
        PathIds.user(userId);
        String memberId = IdKind.MEMBER.next();
        var position = commands.sendSettled(new AddMemberCommand(orgId, memberId, userId));
        return Responses.created(memberId, position, "/api/orgs/" + orgId + "/members/" + userId);
    }

    @DeleteMapping("/api/orgs/{orgId}/members/{userId}")
    ResponseEntity<CommandResponse> removeMember(@PathVariable String orgId, @PathVariable String userId) {
        PathIds.user(userId);
        return Responses.ok(userId, commands.sendSettled(new RemoveMemberCommand(orgId, userId)));
    }

    @PutMapping("/api/orgs/{orgId}/members/{userId}/role")
    ResponseEntity<CommandResponse> changeRole(@PathVariable String orgId, @PathVariable String userId,
                                               @Valid @RequestBody ChangeMemberRole body) {
        PathIds.user(userId);
        PathIds.role(body.roleId());
        return Responses.ok(userId, commands.sendSettled(new ChangeMemberRoleCommand(orgId, userId, body.roleId())));
    }

    @PostMapping("/api/orgs/{orgId}/members/{userId}/deactivate")
    ResponseEntity<CommandResponse> deactivate(@PathVariable String orgId, @PathVariable String userId) {
        PathIds.user(userId);
        return Responses.ok(userId, commands.sendSettled(new DeactivateUserCommand(orgId, userId)));
    }

    @PostMapping("/api/orgs/{orgId}/members/{userId}/reactivate")
    ResponseEntity<CommandResponse> reactivate(@PathVariable String orgId, @PathVariable String userId) {
        PathIds.user(userId);
        return Responses.ok(userId, commands.sendSettled(new ReactivateUserCommand(orgId, userId)));
    }

    /** Ends every session of a member (for example after a lost laptop). */
    @DeleteMapping("/api/orgs/{orgId}/members/{userId}/sessions")
    ResponseEntity<CommandResponse> revokeSessions(@PathVariable String orgId, @PathVariable String userId) {
        PathIds.user(userId);
        return Responses.ok(userId, commands.sendSettled(new RevokeAllSessionsCommand(userId, orgId)));
    }
}
