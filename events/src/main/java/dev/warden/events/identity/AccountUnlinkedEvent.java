package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * An external identity was unlinked from a user.
 */
@Revision("1")
public record AccountUnlinkedEvent(String userId,
                                   String accountId,
                                   String provider,
                                   String providerAccountId) {
}
