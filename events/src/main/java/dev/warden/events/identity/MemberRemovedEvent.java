package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A member left an organization, with every role they held in it.
 */
@Revision("1")
public record MemberRemovedEvent(String organizationId,
                                 String memberId,
                                 String userId) {
}
