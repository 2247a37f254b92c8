package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A suspended server was resumed.
 */
@Revision("1")
public record McpServerResumedEvent(String mcpServerId,
                                    String organizationId) {
}
