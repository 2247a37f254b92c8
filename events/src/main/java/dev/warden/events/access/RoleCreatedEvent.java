package dev.warden.events.access;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A role came into being with its initial permissions. {@code organizationId} is {@code null} and
 * {@code system} true for the seeded system roles.
 */
@Revision("1")
public record RoleCreatedEvent(String roleId,
                               String organizationId,
                               String name,
                               String description,
                               boolean system,
                               List<String> permissions) {
}
