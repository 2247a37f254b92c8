package dev.warden.events.governance;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * An MCP server was registered; it is active, and no tool of it is pinned yet.
 */
@Revision("1")
public record McpServerRegisteredEvent(String mcpServerId,
                                       String organizationId,
                                       String name,
                                       String transport,
                                       String url,
                                       String command,
                                       String credentialId,
                                       Map<String, String> labels) {
}
