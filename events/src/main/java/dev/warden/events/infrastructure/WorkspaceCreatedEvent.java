package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A workspace came into being in a project, active and unlocked, with its settings (checked and stripped). */
@Revision("1")
public record WorkspaceCreatedEvent(String workspaceId,
                                    String organizationId,
                                    String projectId,
                                    String name,
                                    WorkspaceSettings settings) {
}
