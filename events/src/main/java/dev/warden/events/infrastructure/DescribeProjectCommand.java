package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to replace an active project's description; empty or {@code null} clears it. */
public record DescribeProjectCommand(@TargetAggregateIdentifier String projectId,
                                     String organizationId,
                                     String description) implements OrganizationScoped {
}
