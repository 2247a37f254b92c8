package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A custom role was deleted; it was assigned to nobody at that moment.
 */
@Revision("1")
public record RoleDeletedEvent(String roleId,
                               String organizationId,
                               String name) {
}
