package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Lifts a server's suspension.
 */
public record ResumeMcpServerCommand(@TargetAggregateIdentifier String mcpServerId,
                                     String organizationId) implements OrganizationScoped {
}
