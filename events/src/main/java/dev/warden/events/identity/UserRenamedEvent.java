package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user's display name changed. From revision 2 it is encrypted under the user's data key
 * ({@link PersonalFields}) and {@code displayName} is null; revision 1 held it in plaintext.
 */
@Revision("2")
public record UserRenamedEvent(String userId,
                               String displayName,
                               byte[] encryptedDisplayName) {

    /** An event of revision 1, plaintext (older logs, tests of them). */
    public UserRenamedEvent(String userId, String displayName) {
        this(userId, displayName, null);
    }

    /** An event of revision 2: only the ciphertext. */
    public static UserRenamedEvent encrypted(String userId, byte[] displayName) {
        return new UserRenamedEvent(userId, null, displayName);
    }
}
