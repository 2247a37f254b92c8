package dev.warden.command.identity.web;

import dev.warden.events.shared.EndpointAccess.SignedIn;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.command.identity.InvitationSettings;
import dev.warden.command.identity.web.IdentityRequests.Invite;
import dev.warden.command.web.Caller;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.identity.AcceptInvitationCommand;
import dev.warden.events.identity.DeclineInvitationCommand;
import dev.warden.events.identity.InviteMemberCommand;
import dev.warden.events.identity.RevokeInvitationCommand;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Joining an organization takes the invitee's consent: an Admin invites a person by user id or
 * email, and the answer is the same whether an account is behind it or not; the invitee, signed
 * in, sees the invitation and accepts or declines it.
 */
@RestController
class InvitationCommandController {

    private final CommandSender commands;
    private final Clock clock;
    private final Duration ttl;

    InvitationCommandController(CommandSender commands, Clock clock,
                                InvitationSettings settings) {
        this.commands = commands;
        this.clock = clock;
        this.ttl = settings.ttl();
    }

    @Requires("members:write")
    @PostMapping("/api/orgs/{orgId}/invitations")
    ResponseEntity<CommandResponse> invite(@PathVariable String orgId, @Valid @RequestBody Invite body) {
        String invitationId = IdKind.INVITATION.next();
        var position = commands.send(new InviteMemberCommand(invitationId, orgId, body.userId(), body.email(),
                clock.instant().plus(ttl)));
        return Responses.created(invitationId, position, "/api/orgs/" + orgId + "/invitations/" + invitationId);
    }

    @Requires("members:write")
    @DeleteMapping("/api/orgs/{orgId}/invitations/{invitationId}")
    ResponseEntity<CommandResponse> revoke(@PathVariable String orgId, @PathVariable String invitationId) {
        IdKind.INVITATION.require(invitationId);
        return Responses.ok(invitationId, commands.send(new RevokeInvitationCommand(invitationId, orgId)));
    }

    /** The signed-in addressee joins the organization as a Viewer. */
    @SignedIn
    @PostMapping("/api/orgs/{orgId}/invitations/{invitationId}/accept")
    ResponseEntity<CommandResponse> accept(@PathVariable String orgId, @PathVariable String invitationId) {
        String userId = Caller.userId();
        IdKind.INVITATION.require(invitationId);
        return Responses.ok(invitationId, commands.sendSettled(new AcceptInvitationCommand(invitationId, orgId, userId,
                IdKind.MEMBER.next())));
    }

    @SignedIn
    @PostMapping("/api/orgs/{orgId}/invitations/{invitationId}/decline")
    ResponseEntity<CommandResponse> decline(@PathVariable String orgId, @PathVariable String invitationId) {
        String userId = Caller.userId();
        IdKind.INVITATION.require(invitationId);
        return Responses.ok(invitationId, commands.send(new DeclineInvitationCommand(invitationId, orgId, userId)));
    }
}
