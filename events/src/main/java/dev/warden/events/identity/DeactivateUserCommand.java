package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to deactivate a member of an organization: they can no longer sign in or use a session.
 */
public record DeactivateUserCommand(String organizationId,
                                    @TargetAggregateIdentifier String userId) implements OrganizationScoped {
}
