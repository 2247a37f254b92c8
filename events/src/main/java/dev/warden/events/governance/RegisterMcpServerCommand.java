package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers an MCP server of an organization. {@code transport} is {@code streamable-http}, {@code sse}
 * (both need an http(s) {@code url}) or {@code stdio} (needs a {@code command}). {@code credentialId}, when
 * given, names a stored credential of the organization used to authenticate to the server. The name is
 * unique among the organization's registered servers.
 */
public record RegisterMcpServerCommand(@TargetAggregateIdentifier String mcpServerId,
                                       String organizationId,
                                       String name,
                                       String transport,
                                       String url,
                                       String command,
                                       String credentialId,
                                       Map<String, String> labels) implements OrganizationScoped {
}
