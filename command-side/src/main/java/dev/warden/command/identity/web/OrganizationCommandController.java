package dev.warden.command.identity.web;

import dev.warden.events.shared.EndpointAccess.SignedIn;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.command.identity.PasswordHasher;
import dev.warden.command.identity.web.IdentityRequests.ChangeMemberRole;
import dev.warden.command.identity.web.IdentityRequests.CreateOrganization;
import dev.warden.command.identity.web.IdentityRequests.RegisterUser;
import dev.warden.command.identity.web.IdentityRequests.RenameOrganization;
import dev.warden.command.web.Caller;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.identity.ChangeMemberRoleCommand;
import dev.warden.events.identity.CreateOrganizationCommand;
import dev.warden.events.identity.EndMemberSessionsCommand;
import dev.warden.events.identity.ReinstateMemberCommand;
import dev.warden.events.identity.RegisterUserCommand;
import dev.warden.events.identity.RemoveMemberCommand;
import dev.warden.events.identity.SuspendMemberCommand;
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

/**
 * Organizations and what their Admins do to members: create, rename, register (operators), change
 * role, remove, suspend and reinstate, end sessions' reach. All of it stays inside the organization.
 */
@RestController
class OrganizationCommandController {

    private final CommandSender commands;
    private final PasswordHasher hasher;

    OrganizationCommandController(CommandSender commands, PasswordHasher hasher) {
        this.commands = commands;
        this.hasher = hasher;
    }

    /** Creates an organization; the signed-in creator becomes its Admin. */
    @SignedIn
    @PostMapping("/api/orgs")
    ResponseEntity<CommandResponse> create(@Valid @RequestBody CreateOrganization body) {
        String userId = Caller.userId();
        String organizationId = IdKind.ORGANIZATION.next();
        var position = commands.sendSettled(new CreateOrganizationCommand(organizationId, body.name(), userId,
                IdKind.MEMBER.next()));
        return Responses.created(organizationId, position, "/api/orgs/" + organizationId);
    }

    @Requires("organizations:write")
    @PatchMapping("/api/orgs/{orgId}")
    ResponseEntity<CommandResponse> rename(@PathVariable String orgId, @Valid @RequestBody RenameOrganization body) {
        return Responses.ok(orgId, commands.send(new dev.warden.events.identity.RenameOrganizationCommand(orgId,
                body.name())));
    }

    /** An operator registers a new account; it joins this organization as a Viewer. */
    @Requires("users:write")
    @PostMapping("/api/orgs/{orgId}/users")
    ResponseEntity<CommandResponse> register(@PathVariable String orgId, @Valid @RequestBody RegisterUser body) {
        hasher.requireAcceptable(body.password(), body.email());
        String userId = IdKind.USER.next();
        var position = commands.sendSettled(new RegisterUserCommand(userId, body.email(), body.displayName(),
                hasher.hash(body.password()), orgId, IdKind.MEMBER.next()));
        return Responses.created(userId, position, "/api/orgs/" + orgId + "/members/" + userId);
    }

    @Requires("members:write")
    @DeleteMapping("/api/orgs/{orgId}/members/{userId}")
    ResponseEntity<CommandResponse> removeMember(@PathVariable String orgId, @PathVariable String userId) {
        IdKind.USER.require(userId);
        return Responses.ok(userId, commands.sendSettled(new RemoveMemberCommand(orgId, userId)));
    }

    @Requires("members:write")
    @PutMapping("/api/orgs/{orgId}/members/{userId}/role")
    ResponseEntity<CommandResponse> changeRole(@PathVariable String orgId, @PathVariable String userId,
                                               @Valid @RequestBody ChangeMemberRole body) {
        IdKind.USER.require(userId);
        IdKind.ROLE.require(body.roleId());
        return Responses.ok(userId, commands.sendSettled(new ChangeMemberRoleCommand(orgId, userId, body.roleId())));
    }

    /** Suspends the member's access to this organization only; their account is untouched. */
    @Requires("members:write")
    @PostMapping("/api/orgs/{orgId}/members/{userId}/suspend")
    ResponseEntity<CommandResponse> suspend(@PathVariable String orgId, @PathVariable String userId) {
        IdKind.USER.require(userId);
        return Responses.ok(userId, commands.sendSettled(new SuspendMemberCommand(orgId, userId)));
    }

    @Requires("members:write")
    @PostMapping("/api/orgs/{orgId}/members/{userId}/reinstate")
    ResponseEntity<CommandResponse> reinstate(@PathVariable String orgId, @PathVariable String userId) {
        IdKind.USER.require(userId);
        return Responses.ok(userId, commands.sendSettled(new ReinstateMemberCommand(orgId, userId)));
    }

    /** The member's open sessions stop reaching this organization (after a lost laptop, say); elsewhere they work on. */
    @Requires("sessions:write")
    @DeleteMapping("/api/orgs/{orgId}/members/{userId}/sessions")
    ResponseEntity<CommandResponse> endSessions(@PathVariable String orgId, @PathVariable String userId) {
        IdKind.USER.require(userId);
        return Responses.ok(userId, commands.sendSettled(new EndMemberSessionsCommand(orgId, userId)));
    }
}
