package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A project was archived; {@code name} is its name then. */
@Revision("1")
public record ProjectArchivedEvent(String projectId,
                                   String organizationId,
                                   String name) {
}
