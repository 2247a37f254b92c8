package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Approves the definition a held tool presented, named by its hash, which must be the one that was held;
 * the tool is pinned with it and callable again.
 */
public record ApproveToolDefinitionCommand(@TargetAggregateIdentifier String mcpServerId,
                                           String organizationId,
                                           String toolName,
                                           String definitionHash,
                                           String approvedBy) implements OrganizationScoped {
}
