package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/**
 * A module version was published. The first one creates the module; {@code namespace}, {@code name}
 * and {@code provider} are the module's, as first written. {@code version} is the semantic version as
 * published (build metadata included); {@code description} may be {@code null}.
 */
@Revision("1")
public record ModuleVersionPublishedEvent(String moduleId,
                                          String organizationId,
                                          String namespace,
                                          String name,
                                          String provider,
                                          String version,
                                          String source,
                                          String description) {
}
