package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces a registered server's name, transport, address, credential reference and labels (all of them,
 * checked as on registration).
 */
public record UpdateMcpServerCommand(@TargetAggregateIdentifier String mcpServerId,
                                     String organizationId,
                                     String name,
                                     String transport,
                                     String url,
                                     String command,
                                     String credentialId,
                                     Map<String, String> labels) implements OrganizationScoped {
}
