package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A request expired undecided.
 */
@Revision("1")
public record AccessRequestExpiredEvent(String requestId,
                                        String organizationId) {
}
