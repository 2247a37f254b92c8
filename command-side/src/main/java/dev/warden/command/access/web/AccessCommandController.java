package dev.warden.command.access.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.command.access.AccessRequestSettings;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.command.web.Caller;
import dev.warden.events.access.ApproveAccessRequestCommand;
import dev.warden.events.access.AssignRoleCommand;
import dev.warden.events.access.CancelAccessRequestCommand;
import dev.warden.events.access.DenyAccessRequestCommand;
import dev.warden.events.access.RequestAccessCommand;
import dev.warden.events.access.CreateRoleCommand;
import dev.warden.events.access.DeleteRoleCommand;
import dev.warden.events.access.GrantPermissionCommand;
import dev.warden.events.access.RenameRoleCommand;
import dev.warden.events.access.RevokePermissionCommand;
import dev.warden.events.access.UnassignRoleCommand;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.time.Clock;
import java.time.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands of the access context: roles, their permissions, role assignments of members, and access
 * requests. Changes to who may do what answer once authorization sees them.
 */
@RestController
@Validated
@RequestMapping("/api/orgs/{orgId}")
class AccessCommandController {

    private final CommandSender commands;
    private final Clock clock;
    private final Duration requestTtl;

    AccessCommandController(CommandSender commands, Clock clock,
                            AccessRequestSettings settings) {
        this.commands = commands;
        this.clock = clock;
        this.requestTtl = settings.ttl();
    }

    @Requires("roles:write")
    @PostMapping("/roles")
    ResponseEntity<CommandResponse> createRole(@PathVariable String orgId, @Valid @RequestBody CreateRoleRequest body) {
        IdKind.ORGANIZATION.require(orgId);
        String roleId = IdKind.ROLE.next();
        var position = commands.send(new CreateRoleCommand(roleId, orgId, body.name(), body.description(),
                body.permissions() == null ? Set.of() : body.permissions()));
        return Responses.created(roleId, position, "/api/orgs/" + orgId + "/roles/" + roleId);
    }

    @Requires("roles:write")
    @PutMapping("/roles/{roleId}")
    ResponseEntity<CommandResponse> renameRole(@PathVariable String orgId, @PathVariable String roleId,
                                               @Valid @RequestBody RenameRoleRequest body) {
        IdKind.ORGANIZATION.require(orgId);
        IdKind.ROLE.require(roleId);
        return Responses.ok(roleId, commands.send(new RenameRoleCommand(roleId, orgId, body.name(),
                body.expectedVersion())));
    }

    @Requires("roles:write")
    @DeleteMapping("/roles/{roleId}")
    ResponseEntity<CommandResponse> deleteRole(@PathVariable String orgId, @PathVariable String roleId,
                                               @RequestParam(required = false) @PositiveOrZero Long expectedVersion) {
        IdKind.ORGANIZATION.require(orgId);
        IdKind.ROLE.require(roleId);
        return Responses.ok(roleId, commands.sendSettled(new DeleteRoleCommand(roleId, orgId, expectedVersion)));
    }

    @Requires("roles:write")
    @PutMapping("/roles/{roleId}/permissions/{permission}")
    ResponseEntity<CommandResponse> grant(@PathVariable String orgId, @PathVariable String roleId,
                                          @PathVariable String permission) {
        IdKind.ORGANIZATION.require(orgId);
        IdKind.ROLE.require(roleId);
        return Responses.ok(roleId, commands.sendSettled(new GrantPermissionCommand(roleId, orgId, permission)));
    }

    @Requires("roles:write")
    @DeleteMapping("/roles/{roleId}/permissions/{permission}")
    ResponseEntity<CommandResponse> revoke(@PathVariable String orgId, @PathVariable String roleId,
                                           @PathVariable String permission) {
        IdKind.ORGANIZATION.require(orgId);
        IdKind.ROLE.require(roleId);
        return Responses.ok(roleId, commands.sendSettled(new RevokePermissionCommand(roleId, orgId, permission)));
    }

    @Requires("roles:write")
    @PutMapping("/members/{userId}/roles/{roleId}")
    ResponseEntity<CommandResponse> assign(@PathVariable String orgId, @PathVariable String userId,
                                           @PathVariable String roleId) {
        IdKind.ORGANIZATION.require(orgId);
        IdKind.USER.require(userId);
        IdKind.ROLE.require(roleId);
        return Responses.ok(roleId, commands.sendSettled(new AssignRoleCommand(orgId, userId, roleId)));
    }

    @Requires("roles:write")
    @DeleteMapping("/members/{userId}/roles/{roleId}")
    ResponseEntity<CommandResponse> unassign(@PathVariable String orgId, @PathVariable String userId,
                                             @PathVariable String roleId) {
        IdKind.ORGANIZATION.require(orgId);
        IdKind.USER.require(userId);
        IdKind.ROLE.require(roleId);
        return Responses.ok(roleId, commands.sendSettled(new UnassignRoleCommand(orgId, userId, roleId)));
    }

    /** A member asks for a role; the request expires after {@code warden.access-requests.ttl} undecided. */
    @Requires("access-requests:write")
    @PostMapping("/access-requests")
    ResponseEntity<CommandResponse> requestAccess(@PathVariable String orgId,
                                                  @Valid @RequestBody AccessRequestBodies.Request body) {
        String userId = Caller.userId();
        IdKind.ROLE.require(body.roleId());
        String requestId = IdKind.ACCESS_REQUEST.next();
        var position = commands.send(new RequestAccessCommand(requestId, orgId, userId, body.roleId(),
                body.justification(), clock.instant().plus(requestTtl)));
        return Responses.created(requestId, position, "/api/orgs/" + orgId + "/access-requests/" + requestId);
    }

    @Requires("access-requests:approve")
    @PostMapping("/access-requests/{requestId}/approve")
    ResponseEntity<CommandResponse> approve(@PathVariable String orgId, @PathVariable String requestId,
                                            @Valid @RequestBody(required = false) AccessRequestBodies.Decision body,
                                            @RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        IdKind.ACCESS_REQUEST.require(requestId);
        return Responses.ok(requestId, commands.sendSettled(new ApproveAccessRequestCommand(requestId, orgId,
                actor.userId(), body == null ? null : body.reason())));
    }

    @Requires("access-requests:approve")
    @PostMapping("/access-requests/{requestId}/deny")
    ResponseEntity<CommandResponse> deny(@PathVariable String orgId, @PathVariable String requestId,
                                         @Valid @RequestBody AccessRequestBodies.Decision body,
                                         @RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        IdKind.ACCESS_REQUEST.require(requestId);
        return Responses.ok(requestId, commands.send(new DenyAccessRequestCommand(requestId, orgId, actor.userId(),
                body.reason())));
    }

    @Requires("access-requests:write")
    @PostMapping("/access-requests/{requestId}/cancel")
    ResponseEntity<CommandResponse> cancel(@PathVariable String orgId, @PathVariable String requestId) {
        String userId = Caller.userId();
        IdKind.ACCESS_REQUEST.require(requestId);
        return Responses.ok(requestId, commands.send(new CancelAccessRequestCommand(requestId, orgId, userId)));
    }
}
