package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to remove a member and their roles from an organization. The last Admin stays.
 */
public record RemoveMemberCommand(@TargetAggregateIdentifier String organizationId,
                                  String userId) implements OrganizationScoped {
}
