package dev.warden.events.identity;

/**
 * How users' personal data is encrypted in events, the same on both sides: each value under its
 * subject's data key (a user's id for their email and name, an invitation's id for the address it
 * was sent to), bound by associated data to that subject and field, so a ciphertext cannot be moved
 * to another user or field. Destroying the subject's key erases every such value in the log.
 */
public final class PersonalFields {

    public static final String EMAIL = "email";
    public static final String DISPLAY_NAME = "display-name";
    public static final String PROVIDER_ACCOUNT_ID = "provider-account-id";

    private PersonalFields() {
    }

    /** The associated data of {@code field} of {@code subjectId}. */
    public static String associatedData(String subjectId, String field) {
        return subjectId + "/" + field;
    }
}
