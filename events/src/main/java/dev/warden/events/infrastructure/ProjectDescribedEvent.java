package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A project's description was replaced ({@code ""} when cleared). */
@Revision("1")
public record ProjectDescribedEvent(String projectId,
                                    String organizationId,
                                    String description) {
}
