package dev.warden.events.shared;

import java.util.List;
import java.util.Set;

/**
 * The permissions an endpoint may require ({@link EndpointAccess.Requires}) and the default roles
 * that hold them, as the security layer checks and documents them. The context that owns the
 * permission catalogue provides it, so the shared plumbing lists no permission itself.
 */
public interface KnownPermissions {

    /** Whether {@code permission} is in the catalogue. */
    boolean isKnown(String permission);

    /** The default roles, in the order they are seeded. */
    List<DefaultRole> defaultRoles();

    /** A default role and the permissions it holds. */
    record DefaultRole(String name, Set<String> permissions) {
    }
}
