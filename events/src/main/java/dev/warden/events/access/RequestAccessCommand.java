package dev.warden.events.access;

import dev.warden.events.shared.OrganizationScoped;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member asks for a role, with a justification; the request expires if nobody decides.
 */
public record RequestAccessCommand(@TargetAggregateIdentifier String requestId,
                                   String organizationId,
                                   String requesterId,
                                   String roleId,
                                   String justification,
                                   Instant expiresAt) implements OrganizationScoped {
}
