package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens an agent session: an AI agent calling the tools of one MCP server of the organization, as an
 * API key, a user and optionally an AI system of the register. The server must be registered.
 */
public record OpenAgentSessionCommand(@TargetAggregateIdentifier String agentSessionId,
                                      String organizationId,
                                      String mcpServerId,
                                      String agentName,
                                      String apiKeyId,
                                      String userId,
                                      String aiSystemId) implements OrganizationScoped {
}
