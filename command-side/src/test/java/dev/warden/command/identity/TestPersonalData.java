package dev.warden.command.identity;

import dev.warden.events.identity.PersonalFields;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PersonalData} for fixture tests, without a database: "encryption" is a readable, deterministic
 * wrapping (so expected events can be written down), the hash is the normalized address with a prefix,
 * and an erased subject decrypts to nothing.
 */
final class TestPersonalData implements PersonalData {

    static final TestPersonalData INSTANCE = new TestPersonalData();

    private final Set<String> erased = new HashSet<>();

    @Override
    public String emailHash(String email) {
        return "hash:" + UserRules.emailKey(email);
    }

    @Override
    public String accountHash(String provider, String providerAccountId) {
        return "hash:" + provider + ":" + providerAccountId;
    }

    @Override
    public byte[] encrypt(String subjectId, String field, String value) {
        return sealed(subjectId, field, value);
    }

    @Override
    public Optional<String> decrypt(String subjectId, String field, byte[] value) {
        if (erased.contains(subjectId)) {
            return Optional.empty();
        }
        String text = new String(value, StandardCharsets.UTF_8);
        String prefix = "sealed[" + PersonalFields.associatedData(subjectId, field) + "]";
        return Optional.of(text.substring(prefix.length()));
    }

    @Override
    public void erase(String subjectId) {
        erased.add(subjectId);
    }

    boolean erased(String subjectId) {
        return erased.contains(subjectId);
    }

    /** What {@link #encrypt} gives for these arguments. */
    static byte[] sealed(String subjectId, String field, String value) {
        return ("sealed[" + PersonalFields.associatedData(subjectId, field) + "]" + value).getBytes(StandardCharsets.UTF_8);
    }
}
