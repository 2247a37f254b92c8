package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a new organization (a tenant).
 */
public record CreateOrganizationCommand(@TargetAggregateIdentifier String organizationId,
                                        String name) implements OrganizationScoped {
}
