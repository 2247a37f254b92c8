package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A project got a new name. */
@Revision("1")
public record ProjectRenamedEvent(String projectId,
                                  String organizationId,
                                  String name,
                                  String previousName) {
}
