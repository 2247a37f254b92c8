package dev.warden.query.access;

import dev.warden.events.shared.EveryRole;
import dev.warden.query.support.HeldPermissions;

/**
 * What a user may do in an organization, from the roles assigned to them there (system roles or the
 * organization's own) and the permissions those roles grant.
 */
@EveryRole
public class AccessHeldPermissions implements HeldPermissions {

    @Override
    public String expression(String organizationColumn, String userColumn) {
        return """
                ARRAY(SELECT DISTINCT rp.permission
                      FROM user_roles ur
                      JOIN roles r ON r.id = ur.role_id
                           AND (r.organization_id = ur.organization_id OR r.organization_id IS NULL)
                      JOIN role_permissions rp ON rp.role_id = ur.role_id
                      WHERE ur.organization_id = %s AND ur.user_id = %s
                      ORDER BY rp.permission)""".formatted(organizationColumn, userColumn);
    }
}
