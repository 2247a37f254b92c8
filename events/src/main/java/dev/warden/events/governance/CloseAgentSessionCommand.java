package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes a session (the agent is done); {@code idle} when it is closed for lack of activity.
 */
public record CloseAgentSessionCommand(@TargetAggregateIdentifier String agentSessionId,
                                       String organizationId,
                                       boolean idle) implements OrganizationScoped {
}
