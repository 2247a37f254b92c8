package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A workspace was archived; {@code name} was its name. */
@Revision("1")
public record WorkspaceArchivedEvent(String workspaceId,
                                     String organizationId,
                                     String projectId,
                                     String name) {
}
