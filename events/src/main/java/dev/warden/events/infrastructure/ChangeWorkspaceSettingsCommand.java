package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to replace the settings of a workspace that is not archived; the same settings change nothing. */
public record ChangeWorkspaceSettingsCommand(@TargetAggregateIdentifier String workspaceId,
                                             String organizationId,
                                             WorkspaceSettings settings) implements OrganizationScoped {
}
