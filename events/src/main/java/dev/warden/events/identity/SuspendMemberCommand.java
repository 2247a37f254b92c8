package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to suspend a member's access to this organization only: their sessions and API keys stop
 * working here, and nothing changes for them anywhere else. The last active Admin cannot be suspended.
 */
public record SuspendMemberCommand(@TargetAggregateIdentifier String organizationId,
                                   String userId) implements OrganizationScoped {
}
