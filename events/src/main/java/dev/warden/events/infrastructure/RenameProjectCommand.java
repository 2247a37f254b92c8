package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to rename an active project; the new name must be free in the organization, ignoring case. */
public record RenameProjectCommand(@TargetAggregateIdentifier String projectId,
                                   String organizationId,
                                   String name) implements OrganizationScoped {
}
