package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A pinned tool was presented with another definition (a "rug pull"): it is held, hidden and denied,
 * until a member approves the new definition. {@code pinnedHash} is what was approved before.
 */
@Revision("1")
public record ToolDefinitionChangedEvent(String mcpServerId,
                                         String organizationId,
                                         String toolName,
                                         String description,
                                         String pinnedHash,
                                         String presentedHash) {
}
