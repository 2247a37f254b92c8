package dev.warden.query.infrastructure;

import java.time.Instant;

/**
 * A module of the registry: its coordinates as first published, its highest version by semantic
 * versioning (deprecated or not) and how many versions it has.
 */
public record ModuleView(String id, String organizationId, String namespace, String name, String provider,
                         String latestVersion, int versionCount, String createdBy, Instant createdAt,
                         Instant updatedAt) {
}
