package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** An archived project is active again. */
@Revision("1")
public record ProjectRestoredEvent(String projectId,
                                   String organizationId,
                                   String name) {
}
