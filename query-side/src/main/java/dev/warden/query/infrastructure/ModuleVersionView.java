package dev.warden.query.infrastructure;

import java.time.Instant;

/**
 * A published module version. {@code version} is as published (build metadata included);
 * {@code status} is {@code published} or {@code deprecated}, and the deprecation fields are set
 * only for the latter.
 */
public record ModuleVersionView(String moduleId, String organizationId, String namespace, String name,
                                String provider, String version, String source, String description, String status,
                                String publishedBy, Instant publishedAt, Instant deprecatedAt,
                                String deprecationReason, String deprecatedBy) {
}
