package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The kill switch: every later decision for the server is deny until it is resumed.
 */
public record SuspendMcpServerCommand(@TargetAggregateIdentifier String mcpServerId,
                                      String organizationId,
                                      String reason) implements OrganizationScoped {
}
