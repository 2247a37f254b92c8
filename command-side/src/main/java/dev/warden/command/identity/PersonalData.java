package dev.warden.command.identity;

/**
 * What the identity context does to users' personal data before it enters an event: encrypt it under
 * its subject's data key ({@link dev.warden.events.identity.PersonalFields}), index an email by a keyed
 * hash (so uniqueness and sign-in work without the address), and erase a subject by destroying its key.
 * An interface so the aggregate tests run without a database.
 */
interface PersonalData {

    /** The keyed hash of an email, the same for addresses that differ only in case or outer spaces. */
    String emailHash(String email);

    /** The keyed hash of an external account ({@code provider:accountId}), what its claim is keyed by. */
    String accountHash(String provider, String providerAccountId);

    /** {@code value} encrypted under {@code subjectId}'s data key, bound to that subject and {@code field}. */
    byte[] encrypt(String subjectId, String field, String value);

    /**
     * {@link #encrypt} for a subject new in this command (a user being registered): its data key is made
     * without looking for one and written with the command's events.
     */
    default byte[] encryptNew(String subjectId, String field, String value) {
        return encrypt(subjectId, field, value);
    }

    /** {@code value} decrypted; empty once the subject was erased. */
    java.util.Optional<String> decrypt(String subjectId, String field, byte[] value);

    /** Destroys {@code subjectId}'s data key, in the command's transaction. */
    void erase(String subjectId);
}
