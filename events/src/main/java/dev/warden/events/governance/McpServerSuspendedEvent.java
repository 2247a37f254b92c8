package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A server was suspended: every decision for it is deny until it is resumed.
 */
@Revision("1")
public record McpServerSuspendedEvent(String mcpServerId,
                                      String organizationId,
                                      String reason) {
}
