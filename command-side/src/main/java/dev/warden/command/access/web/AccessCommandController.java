package dev.warden.command.access.web;

import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.PathIds;
import dev.warden.command.web.Responses;
import dev.warden.events.access.AssignRoleCommand;
import dev.warden.events.access.CreateRoleCommand;
import dev.warden.events.access.DeleteRoleCommand;
import dev.warden.events.access.GrantPermissionCommand;
import dev.warden.events.access.RenameRoleCommand;
import dev.warden.events.access.RevokePermissionCommand;
import dev.warden.events.access.UnassignRoleCommand;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Commands of the access context: roles, their permissions, and role assignments of members. */
@RestController
@Validated
@RequestMapping("/api/orgs/{orgId}")
class AccessCommandController {

    private final CommandSender commands;

    AccessCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/roles")
    ResponseEntity<CommandResponse> createRole(@PathVariable String orgId, @Valid @RequestBody CreateRoleRequest body) {
        PathIds.organization(orgId);
        String roleId = IdKind.ROLE.next();
        var position = commands.send(new CreateRoleCommand(roleId, orgId, body.name(), body.description(),
                body.permissions() == null ? Set.of() : body.permissions()));
        return Responses.created(roleId, position, "/api/orgs/" + orgId + "/roles/" + roleId);
    }

    @PutMapping("/roles/{roleId}")
    ResponseEntity<CommandResponse> renameRole(@PathVariable String orgId, @PathVariable String roleId,
                                               @Valid @RequestBody RenameRoleRequest body) {
        PathIds.organization(orgId);
        PathIds.role(roleId);
        return Responses.ok(roleId, commands.send(new RenameRoleCommand(roleId, orgId, body.name(),
                body.expectedVersion())));
    }

    @DeleteMapping("/roles/{roleId}")
    ResponseEntity<CommandResponse> deleteRole(@PathVariable String orgId, @PathVariable String roleId,
                                               @RequestParam(required = false) @PositiveOrZero Long expectedVersion) {
        PathIds.organization(orgId);
        PathIds.role(roleId);
        return Responses.ok(roleId, commands.send(new DeleteRoleCommand(roleId, orgId, expectedVersion)));
    }

    @PutMapping("/roles/{roleId}/permissions/{permission}")
    ResponseEntity<CommandResponse> grant(@PathVariable String orgId, @PathVariable String roleId,
                                          @PathVariable String permission) {
        PathIds.organization(orgId);
        PathIds.role(roleId);
        return Responses.ok(roleId, commands.send(new GrantPermissionCommand(roleId, orgId, permission)));
    }

    @DeleteMapping("/roles/{roleId}/permissions/{permission}")
    ResponseEntity<CommandResponse> revoke(@PathVariable String orgId, @PathVariable String roleId,
                                           @PathVariable String permission) {
        PathIds.organization(orgId);
        PathIds.role(roleId);
        return Responses.ok(roleId, commands.send(new RevokePermissionCommand(roleId, orgId, permission)));
    }

    @PutMapping("/members/{userId}/roles/{roleId}")
    ResponseEntity<CommandResponse> assign(@PathVariable String orgId, @PathVariable String userId,
                                           @PathVariable String roleId) {
        PathIds.organization(orgId);
        PathIds.user(userId);
        PathIds.role(roleId);
        return Responses.ok(roleId, commands.send(new AssignRoleCommand(orgId, userId, roleId)));
    }

    @DeleteMapping("/members/{userId}/roles/{roleId}")
    ResponseEntity<CommandResponse> unassign(@PathVariable String orgId, @PathVariable String userId,
                                             @PathVariable String roleId) {
        PathIds.organization(orgId);
        PathIds.user(userId);
        PathIds.role(roleId);
        return Responses.ok(roleId, commands.send(new UnassignRoleCommand(orgId, userId, roleId)));
    }
}
