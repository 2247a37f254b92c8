package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A role got a new name.
 */
@Revision("1")
public record RoleRenamedEvent(String roleId,
                               String organizationId,
                               String name,
                               String previousName) {
}
