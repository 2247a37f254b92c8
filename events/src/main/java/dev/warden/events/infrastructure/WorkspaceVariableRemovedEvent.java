package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A workspace variable was removed. */
@Revision("1")
public record WorkspaceVariableRemovedEvent(String workspaceId,
                                            String organizationId,
                                            String name) {
}
