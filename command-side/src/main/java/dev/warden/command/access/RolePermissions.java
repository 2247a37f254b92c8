package dev.warden.command.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The permissions a set of roles grants, read from the role aggregates (inside a command). */
@Component
public class RolePermissions {

    private final Repository<Role> roles;

    public RolePermissions(@Qualifier("roleRepository") Repository<Role> roles) {
        this.roles = roles;
    }

    /** Every permission any of {@code roleIds} grants; a role that no longer exists grants nothing. */
    public Set<String> of(Collection<String> roleIds) {
        Set<String> permissions = new HashSet<>();
        for (String roleId : roleIds) {
            try {
                permissions.addAll(roles.load(roleId).invoke(Role::permissions));
            } catch (AggregateNotFoundException e) {
                // deleted roles are unassigned first; nothing to add
            }
        }
        return permissions;
    }
}
