package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to bring an archived project back; restoring an active project changes nothing. */
public record RestoreProjectCommand(@TargetAggregateIdentifier String projectId,
                                    String organizationId) implements OrganizationScoped {
}
