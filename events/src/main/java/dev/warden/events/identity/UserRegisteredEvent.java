package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A person was registered. From revision 2 the email and display name are encrypted under the user's
 * data key ({@link PersonalFields}) and {@code email}/{@code displayName} are null; events of revision 1
 * hold them in plaintext (and the encrypted fields are null). Uniqueness of emails is by a keyed hash,
 * outside the log.
 */
@Revision("2")
public record UserRegisteredEvent(String userId,
                                  String email,
                                  String displayName,
                                  byte[] encryptedEmail,
                                  byte[] encryptedDisplayName) {

    /** An event of revision 1, plaintext (older logs, tests of them). */
    public UserRegisteredEvent(String userId, String email, String displayName) {
        this(userId, email, displayName, null, null);
    }

    /** An event of revision 2: only ciphertexts. */
    public static UserRegisteredEvent encrypted(String userId, byte[] email, byte[] displayName) {
        return new UserRegisteredEvent(userId, null, null, email, displayName);
    }
}
