package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A member's access to one organization was suspended; the account is untouched.
 */
@Revision("1")
public record MemberSuspendedEvent(String organizationId,
                                   String userId) {
}
