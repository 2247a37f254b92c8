package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A held tool's new definition was approved and pinned; the tool is callable again.
 */
@Revision("1")
public record ToolDefinitionApprovedEvent(String mcpServerId,
                                          String organizationId,
                                          String toolName,
                                          String definitionHash,
                                          String approvedBy) {
}
