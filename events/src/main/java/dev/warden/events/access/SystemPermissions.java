package dev.warden.events.access;

import dev.warden.events.shared.EveryRole;
import dev.warden.events.shared.KnownPermissions;
import java.util.List;

/** The catalogue and default roles of {@link Permissions}, as the security layer checks and documents them. */
@EveryRole
public class SystemPermissions implements KnownPermissions {

    private static final List<DefaultRole> DEFAULT_ROLES = Permissions.DEFAULT_ROLES.stream()
            .map(role -> new DefaultRole(role.name(), role.permissions()))
            .toList();

    @Override
    public boolean isKnown(String permission) {
        return Permissions.isKnown(permission);
    }

    @Override
    public List<DefaultRole> defaultRoles() {
        return DEFAULT_ROLES;
    }
}
