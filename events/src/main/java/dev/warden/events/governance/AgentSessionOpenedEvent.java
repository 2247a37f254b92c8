package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * An agent session was opened.
 */
@Revision("1")
public record AgentSessionOpenedEvent(String agentSessionId,
                                      String organizationId,
                                      String mcpServerId,
                                      String agentName,
                                      String apiKeyId,
                                      String userId,
                                      String aiSystemId) {
}
