package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the tools a server presents ({@code tools/list}), each with the hash of its definition. A tool
 * seen for the first time is pinned; a pinned tool presented with another hash is held (hidden and denied)
 * until its new definition is approved.
 */
public record RecordToolListCommand(@TargetAggregateIdentifier String mcpServerId,
                                    String organizationId,
                                    List<ToolDefinition> tools) implements OrganizationScoped {
}
