package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Marks a published version as deprecated, with a reason (required). {@code version} names it by
 * precedence: build metadata may be left out. A deprecated version stays published and readable.
 */
public record DeprecateModuleVersionCommand(@TargetAggregateIdentifier String moduleId,
                                            String organizationId,
                                            String version,
                                            String reason) implements OrganizationScoped {
}
