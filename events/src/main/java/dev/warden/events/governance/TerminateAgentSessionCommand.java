package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The kill switch for one session: every later decision in it is deny.
 */
public record TerminateAgentSessionCommand(@TargetAggregateIdentifier String agentSessionId,
                                           String organizationId,
                                           String reason) implements OrganizationScoped {
}
