package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * The requester withdrew a request.
 */
@Revision("1")
public record AccessRequestCancelledEvent(String requestId,
                                          String organizationId) {
}
