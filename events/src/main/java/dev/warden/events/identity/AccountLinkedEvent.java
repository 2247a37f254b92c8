package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * An external identity was linked to a user.
 */
@Revision("1")
public record AccountLinkedEvent(String userId,
                                 String accountId,
                                 String provider,
                                 String providerAccountId) {
}
