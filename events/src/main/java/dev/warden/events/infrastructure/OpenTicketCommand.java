package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a ticket in an organization: a title (required), an optional description, a priority
 * ({@code low}, {@code medium}, {@code high} or {@code critical}; {@code medium} when absent) and
 * optionally the project and workspace it is about. Those two are checked for the shape of their
 * id kind only: projects and workspaces are other aggregates, and a ticket may name one that is
 * archived or not yet visible. Whoever sends it is the reporter (the event's actor).
 */
public record OpenTicketCommand(@TargetAggregateIdentifier String ticketId,
                                String organizationId,
                                String title,
                                String description,
                                String priority,
                                String projectId,
                                String workspaceId) implements OrganizationScoped {
}
