package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A role was taken away from a member of an organization.
 */
@Revision("1")
public record RoleUnassignedEvent(String organizationId,
                                  String userId,
                                  String roleId) {
}
