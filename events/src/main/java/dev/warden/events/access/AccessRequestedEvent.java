package dev.warden.events.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member asked for a role.
 */
@Revision("1")
public record AccessRequestedEvent(String requestId,
                                   String organizationId,
                                   String requesterId,
                                   String roleId,
                                   String justification,
                                   Instant expiresAt) {
}
