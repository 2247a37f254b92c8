package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A tool was seen for the first time and pinned with the hash of its definition.
 */
@Revision("1")
public record ToolPinnedEvent(String mcpServerId,
                              String organizationId,
                              String toolName,
                              String description,
                              String definitionHash) {
}
