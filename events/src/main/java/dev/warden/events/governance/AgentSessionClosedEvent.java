package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A session was closed, by its agent or because it was idle too long. Later decisions in it are deny.
 */
@Revision("1")
public record AgentSessionClosedEvent(String agentSessionId,
                                      String organizationId,
                                      boolean idle) {
}
