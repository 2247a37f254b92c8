package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user became a member of an organization.
 */
@Revision("1")
public record MemberAddedEvent(String organizationId,
                               String memberId,
                               String userId) {
}
