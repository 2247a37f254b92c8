package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * Sessions a member started before this event no longer reach this organization.
 */
@Revision("1")
public record MemberSessionsEndedEvent(String organizationId,
                                       String userId) {
}
