package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A policy's name, description, mode or priority changed; the event holds them all.
 */
@Revision("1")
public record PolicyUpdatedEvent(String policyId,
                                 String organizationId,
                                 String name,
                                 String description,
                                 PolicyMode mode,
                                 int priority) {
}
