package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A role lost a permission.
 */
@Revision("1")
public record PermissionRevokedEvent(String roleId,
                                     String organizationId,
                                     String permission) {
}
