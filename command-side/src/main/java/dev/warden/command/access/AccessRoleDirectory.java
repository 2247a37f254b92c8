package dev.warden.command.access;

import dev.warden.command.identity.RoleDirectory;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Identity's view of roles, answered from the seeded system roles and the role aggregates. */
@Component
public class AccessRoleDirectory implements RoleDirectory {

    private final SystemRoles systemRoles;
    private final RolePermissions rolePermissions;

    public AccessRoleDirectory(SystemRoles systemRoles, RolePermissions rolePermissions) {
        this.systemRoles = systemRoles;
        this.rolePermissions = rolePermissions;
    }

    @Override
    public String adminRoleId() {
        return systemRoles.admin();
    }

    @Override
    public String viewerRoleId() {
        return systemRoles.viewer();
    }

    @Override
    public Set<String> permissionsOf(Collection<String> roleIds) {
        return rolePermissions.of(roleIds);
    }
}
