package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to rename an organization.
 */
public record RenameOrganizationCommand(@TargetAggregateIdentifier String organizationId,
                                        String name) implements OrganizationScoped {
}
