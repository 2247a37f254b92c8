package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to reactivate a deactivated member of an organization.
 */
public record ReactivateUserCommand(String organizationId,
                                    @TargetAggregateIdentifier String userId) implements OrganizationScoped {
}
