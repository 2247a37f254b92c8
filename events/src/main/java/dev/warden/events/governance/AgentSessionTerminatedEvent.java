package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A session was terminated: every later decision in it is deny.
 */
@Revision("1")
public record AgentSessionTerminatedEvent(String agentSessionId,
                                          String organizationId,
                                          String reason) {
}
