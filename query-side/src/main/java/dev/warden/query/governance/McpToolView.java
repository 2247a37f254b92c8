package dev.warden.query.governance;

import java.time.Instant;

/**
 * A tool of an MCP server: the hash of the definition it is pinned to and, while it is {@code held}, the hash
 * and description of the changed definition that waits for a member's approval.
 */
public record McpToolView(String mcpServerId, String name, String status, String pinnedHash, String description,
                          String presentedHash, String presentedDescription, Instant pinnedAt, Instant heldAt,
                          String approvedBy, Instant approvedAt) {
}
