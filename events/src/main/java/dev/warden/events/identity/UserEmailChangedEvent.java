package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user's email changed. From revision 2 it is encrypted under the user's data key
 * ({@link PersonalFields}) and {@code email} is null; revision 1 held it in plaintext.
 */
@Revision("2")
public record UserEmailChangedEvent(String userId,
                                    String email,
                                    byte[] encryptedEmail) {

    /** An event of revision 1, plaintext (older logs, tests of them). */
    public UserEmailChangedEvent(String userId, String email) {
        this(userId, email, null);
    }

    /** An event of revision 2: only the ciphertext. */
    public static UserEmailChangedEvent encrypted(String userId, byte[] email) {
        return new UserEmailChangedEvent(userId, null, email);
    }
}
