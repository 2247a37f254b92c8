package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * An external identity was unlinked from a user. From revision 2 {@code providerAccountId} is null (the
 * link event holds it, encrypted); revision 1 repeated it in plaintext.
 */
@Revision("2")
public record AccountUnlinkedEvent(String userId,
                                   String accountId,
                                   String provider,
                                   String providerAccountId) {
}
