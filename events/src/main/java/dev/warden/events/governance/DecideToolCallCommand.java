package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks whether the session's agent may call {@code toolName} with {@code arguments}. The answer is recorded
 * as a {@link ToolCallDecidedEvent} and returned as a {@link Decision}. The caller is the session's:
 * its API key, user and AI system, and the roles they hold in the organization.
 */
public record DecideToolCallCommand(@TargetAggregateIdentifier String agentSessionId,
                                    String organizationId,
                                    String decisionId,
                                    String toolName,
                                    Map<String, Object> arguments) implements OrganizationScoped {
}
