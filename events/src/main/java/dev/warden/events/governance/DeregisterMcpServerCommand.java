package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Removes a server for good: it takes no decision (deny), and its name is free again.
 */
public record DeregisterMcpServerCommand(@TargetAggregateIdentifier String mcpServerId,
                                         String organizationId) implements OrganizationScoped {
}
