package dev.warden.command.access;

import dev.warden.command.identity.Organization;
import dev.warden.command.support.Aggregates;
import dev.warden.command.support.Grants;
import dev.warden.events.access.AssignRoleCommand;
import dev.warden.events.access.UnassignRoleCommand;
import dev.warden.events.identity.ChangeMemberRoleCommand;
import dev.warden.events.shared.IdKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who holds which role in an organization. The assignments live on the organization; a role is
 * given only to members, only if it is {@link GrantableRoles grantable} there, and an organization
 * always keeps an Admin.
 */
@Component
class RoleAssignmentCommandHandler {

    private final Repository<Organization> organizations;
    private final GrantableRoles grantable;
    private final Grants grants;
    private final SystemRoles systemRoles;
    private final RolePermissions rolePermissions;

    RoleAssignmentCommandHandler(@Qualifier("organizationRepository") Repository<Organization> organizations,
                                 RolePermissions rolePermissions, GrantableRoles grantable, Grants grants,
                                 @Lazy SystemRoles systemRoles) {
        this.organizations = organizations;
        this.grantable = grantable;
        this.grants = grants;
        this.systemRoles = systemRoles;
        this.rolePermissions = rolePermissions;
    }

    @CommandHandler
    void handle(AssignRoleCommand command) {
        grantable.lockAgainstDelete(command.roleId());
        grantable.require(command.roleId(), command.organizationId());
        load(command.organizationId()).execute(o -> o.assignRole(command));
    }

    @CommandHandler
    void handle(UnassignRoleCommand command) {
        load(command.organizationId()).execute(o -> o.unassignRole(command, systemRoles.admin()));
    }

    @CommandHandler
    void handle(ChangeMemberRoleCommand command) {
        // Locked before loading the organization, as a deletion of the role does (see AggregateLocks).
        grantable.lockAgainstDelete(command.roleId());
        Aggregate<Organization> target = load(command.organizationId());
        if (!target.invoke(o -> o.hasMember(command.userId()))) {
            throw IdKind.MEMBER.notFound(command.userId());
        }
        // Nobody re-roles someone with more power than themselves.
        grants.requireHeld(() -> rolePermissions.of(target.invoke(o -> o.rolesOf(command.userId()))));
        grantable.require(command.roleId(), command.organizationId());
        target.execute(o -> o.changeMemberRole(command, systemRoles.admin()));
    }

    private Aggregate<Organization> load(String organizationId) {
        return Aggregates.load(organizations, organizationId);
    }
}
