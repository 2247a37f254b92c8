package dev.warden.command.identity;

import java.util.Collection;
import java.util.Set;

/**
 * What identity needs to know of roles, which the access context owns: the two system roles an
 * organization hands out by itself (its creator's Admin, a new member's Viewer), and what a set of
 * roles permits (for the outrank rule). Access implements it, so identity never reaches into access.
 */
public interface RoleDirectory {

    /** The id of the system role Admin. */
    String adminRoleId();

    /** The id of the system role Viewer. */
    String viewerRoleId();

    /** Every permission any of {@code roleIds} grants; a role that no longer exists grants nothing. */
    Set<String> permissionsOf(Collection<String> roleIds);
}
