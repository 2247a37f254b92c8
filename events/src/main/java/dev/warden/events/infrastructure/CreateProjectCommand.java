package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a new project in an organization. Sent by a member (or key) with {@code projects:write}.
 * The name must be unique in the organization, ignoring case; {@code labels} (optional) map label
 * keys to values.
 */
public record CreateProjectCommand(@TargetAggregateIdentifier String projectId,
                                   String organizationId,
                                   String name,
                                   String description,
                                   Map<String, String> labels) implements OrganizationScoped {
}
