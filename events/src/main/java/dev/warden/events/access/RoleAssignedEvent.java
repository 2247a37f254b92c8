package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A member of an organization was given a role.
 */
@Revision("1")
public record RoleAssignedEvent(String organizationId,
                                String userId,
                                String roleId) {
}
