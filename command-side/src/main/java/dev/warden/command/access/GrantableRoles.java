package dev.warden.command.access;

import dev.warden.command.support.AggregateLocks;
import dev.warden.command.support.Aggregates;
import dev.warden.command.support.Grants;
import dev.warden.command.support.UniqueNames;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What holds before a member is given a role, whether by assignment, by a change of role or by an
 * approved request: the role cannot be deleted meanwhile, it exists for the organization, and the
 * actor holds every permission it grants.
 */
@Component
class GrantableRoles {

    private final Repository<Role> roles;
    private final UniqueNames names;
    private final AggregateLocks locks;
    private final Grants grants;

    GrantableRoles(@Qualifier("roleRepository") Repository<Role> roles, UniqueNames names, AggregateLocks locks,
                   Grants grants) {
        this.roles = roles;
        this.names = names;
        this.locks = locks;
        this.grants = grants;
    }

    /**
     * Holds off a delete of the role until the transaction ends (a delete takes the same lock).
     * Only custom roles can be deleted, so only they need the lock; system roles are held by
     * members of every organization and must not serialize their assignments.
     */
    void lockAgainstDelete(String roleId) {
        if (!names.holdsAny(RoleRules.SYSTEM_ROLE_SCOPE, roleId)) {
            locks.lockUntilCommit(roleId);
        }
    }

    /** Checks the role exists here, may be held in the organization, and the actor holds all it grants. */
    void require(String roleId, String organizationId) {
        Aggregate<Role> role = Aggregates.load(roles, roleId);
        role.execute(r -> r.requireAssignableIn(organizationId));
        grants.requireHeld(role.invoke(Role::permissions));
    }
}
