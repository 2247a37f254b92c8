package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A request was denied.
 */
@Revision("1")
public record AccessRequestDeniedEvent(String requestId,
                                       String organizationId,
                                       String reason) {
}
