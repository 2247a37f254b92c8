package dev.warden.events.governance;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A server's name, transport, address, credential reference or labels changed; the event holds them all.
 */
@Revision("1")
public record McpServerUpdatedEvent(String mcpServerId,
                                    String organizationId,
                                    String name,
                                    String transport,
                                    String url,
                                    String command,
                                    String credentialId,
                                    Map<String, String> labels) {
}
