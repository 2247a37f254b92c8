package dev.warden.command.access;

import static dev.warden.command.access.RoleRules.nameKey;
import static dev.warden.command.access.RoleRules.nameTaken;
import static dev.warden.command.access.RoleRules.orgScope;

import dev.warden.command.identity.Organization;
import dev.warden.command.support.AggregateLocks;
import dev.warden.command.support.Aggregates;
import dev.warden.command.support.Grants;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.CreateRoleCommand;
import dev.warden.events.access.DefineSystemRoleCommand;
import dev.warden.events.access.DeleteRoleCommand;
import dev.warden.events.access.Permissions;
import dev.warden.events.access.RenameRoleCommand;
import dev.warden.events.shared.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A role's life: created with a name unique in its organization (or defined as a system role, unique
 * among those), renamed, and deleted only when no member holds it. Changing a role leaves other
 * organizations' roles looking missing.
 */
@Component
class RoleCommandHandler {

    private final Repository<Role> roles;
    private final Repository<Organization> organizations;
    private final UniqueNames names;
    private final AggregateLocks locks;
    private final Grants grants;

    RoleCommandHandler(@Qualifier("roleRepository") Repository<Role> roles,
                       @Qualifier("organizationRepository") Repository<Organization> organizations, UniqueNames names,
                       AggregateLocks locks, Grants grants) {
        this.roles = roles;
        this.organizations = organizations;
        this.names = names;
        this.locks = locks;
        this.grants = grants;
    }

    @CommandHandler
    void handle(CreateRoleCommand command) throws Exception {
        RoleRules.requireValidName(command.name());
        Aggregates.load(organizations, command.organizationId());
        grants.requireHeld(RoleRules.requireKnown(command.permissions()));
        String key = nameKey(command.name());
        if (Permissions.isDefaultRoleName(command.name()) || !names.claim(orgScope(command.organizationId()), key,
                command.roleId())) {
            throw nameTaken(command.name());
        }
        roles.newInstance(() -> new Role(command));
    }

    @CommandHandler
    void handle(DefineSystemRoleCommand command) throws Exception {
        if (!names.claim(RoleRules.SYSTEM_ROLE_SCOPE, nameKey(command.name()), command.roleId())) {
            throw nameTaken(command.name());
        }
        roles.loadOrCreate(command.roleId(), Role::new).execute(role -> role.define(command));
    }

    @CommandHandler
    void handle(RenameRoleCommand command) {
        RoleRules.requireValidName(command.name());
        Aggregate<Role> role = loadChangeable(command.roleId(), command.organizationId(), command.expectedVersion());
        role.execute(r -> {
            String scope = orgScope(command.organizationId());
            String oldKey = nameKey(r.name());
            String newKey = nameKey(command.name());
            if (!newKey.equals(oldKey)) {
                if (Permissions.isDefaultRoleName(command.name()) || !names.claim(scope, newKey, command.roleId())) {
                    throw nameTaken(command.name());
                }
                names.release(scope, oldKey, command.roleId());
            }
            r.rename(command);
        });
    }

    /** Takes the lock assignments of the role take ({@link GrantableRoles}), so none slips in meanwhile. */
    @CommandHandler
    void handle(DeleteRoleCommand command) {
        locks.lockUntilCommit(command.roleId());
        Aggregate<Role> role = loadChangeable(command.roleId(), command.organizationId(), command.expectedVersion());
        boolean held = Aggregates.load(organizations, command.organizationId())
                .invoke(o -> o.anyMemberHolds(command.roleId()));
        if (held) {
            throw new DomainException(AccessErrorCode.ROLE_IN_USE,
                    "The role is still assigned; unassign it from every member first");
        }
        role.execute(r -> {
            names.release(orgScope(command.organizationId()), nameKey(r.name()), command.roleId());
            r.delete(command);
        });
    }

    /**
     * Loads a role the organization may change, then checks the version the client expects. The
     * tenant check comes first, so another organization's role answers "not found" whatever version
     * is sent, and its version cannot be probed.
     */
    private Aggregate<Role> loadChangeable(String roleId, String organizationId, Long expectedVersion) {
        Aggregate<Role> role = Aggregates.load(roles, roleId);
        role.execute(r -> r.requireChangeableIn(organizationId));
        if (expectedVersion != null && !expectedVersion.equals(role.version())) {
            throw new ConflictingAggregateVersionException(roleId, expectedVersion,
                    role.version() == null ? -1 : role.version());
        }
        return role;
    }
}
