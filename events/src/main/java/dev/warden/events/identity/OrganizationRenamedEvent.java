package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * An organization was renamed.
 */
@Revision("1")
public record OrganizationRenamedEvent(String organizationId,
                                       String name) {
}
