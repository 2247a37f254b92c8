package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/** A workspace's settings were replaced by {@code settings}, all of them. */
@Revision("1")
public record WorkspaceSettingsChangedEvent(String workspaceId,
                                            String organizationId,
                                            WorkspaceSettings settings) {
}
