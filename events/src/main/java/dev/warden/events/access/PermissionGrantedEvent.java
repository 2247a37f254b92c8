package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A role gained a permission.
 */
@Revision("1")
public record PermissionGrantedEvent(String roleId,
                                     String organizationId,
                                     String permission) {
}
