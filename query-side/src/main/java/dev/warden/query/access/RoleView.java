package dev.warden.query.access;

import java.time.Instant;
import java.util.List;

/** A role as the API shows it. {@code version} is what a rename or delete may pass as expectedVersion. */
public record RoleView(String id, String organizationId, String name, String description, boolean system,
                       long version, List<String> permissions, Instant createdAt, Instant updatedAt) {
}
