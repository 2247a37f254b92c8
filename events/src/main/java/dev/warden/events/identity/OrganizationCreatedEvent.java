package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * An organization came into being.
 */
@Revision("1")
public record OrganizationCreatedEvent(String organizationId,
                                       String name) {
}
