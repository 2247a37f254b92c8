package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A server was deregistered.
 */
@Revision("1")
public record McpServerDeregisteredEvent(String mcpServerId,
                                         String organizationId,
                                         String name) {
}
