package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * An external identity was linked to a user. Its account id at the provider may be an email: from
 * revision 2 it is encrypted under the user's data key ({@link PersonalFields}) and
 * {@code providerAccountId} is null; revision 1 held it in plaintext.
 */
@Revision("2")
public record AccountLinkedEvent(String userId,
                                 String accountId,
                                 String provider,
                                 String providerAccountId,
                                 byte[] encryptedProviderAccountId) {

    /** An event of revision 1, plaintext (older logs, tests of them). */
    public AccountLinkedEvent(String userId, String accountId, String provider, String providerAccountId) {
        this(userId, accountId, provider, providerAccountId, null);
    }

    /** An event of revision 2: the provider's account id only encrypted. */
    public static AccountLinkedEvent encrypted(String userId, String accountId, String provider,
                                               byte[] providerAccountId) {
        return new AccountLinkedEvent(userId, accountId, provider, null, providerAccountId);
    }
}
