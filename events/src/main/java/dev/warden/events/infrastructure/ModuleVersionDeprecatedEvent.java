package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A module version was deprecated; {@code version} is as it was published (build metadata included). */
@Revision("1")
public record ModuleVersionDeprecatedEvent(String moduleId, String organizationId, String version, String reason) {
}
