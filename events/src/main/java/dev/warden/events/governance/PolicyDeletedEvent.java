package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A policy was deleted.
 */
@Revision("1")
public record PolicyDeletedEvent(String policyId,
                                 String organizationId,
                                 String name) {
}
