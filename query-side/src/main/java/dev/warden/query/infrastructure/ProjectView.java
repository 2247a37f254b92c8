package dev.warden.query.infrastructure;

import java.time.Instant;
import java.util.Map;

/** A project as the API shows it: {@code status} is {@code active} or {@code archived}. */
public record ProjectView(String id, String organizationId, String name, String description,
                          Map<String, String> labels, String status, String createdBy, Instant archivedAt,
                          Instant createdAt, Instant updatedAt) {
}
