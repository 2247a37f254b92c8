package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to replace an active project's labels with {@code labels}; an empty map removes them all. */
public record LabelProjectCommand(@TargetAggregateIdentifier String projectId,
                                  String organizationId,
                                  Map<String, String> labels) implements OrganizationScoped {
}
