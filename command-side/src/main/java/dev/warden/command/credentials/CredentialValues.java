package dev.warden.command.credentials;

import static dev.warden.events.credentials.CredentialsErrorCode.INVALID_CREDENTIAL_VALUE;

import dev.warden.events.credentials.CredentialField;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks a credential's values against its type's fields: no unknown field, every required one
 * present and non-empty, every pattern matched in full, at most {@value #MAX_VALUE_LENGTH} characters.
 * A refusal names the field, never the value. A pattern gets a bounded number of steps, so a costly
 * expression of a custom type cannot hold a command thread.
 */
final class CredentialValues {

    static final int MAX_VALUE_LENGTH = 16_384;
    /** Characters a pattern may read per value before it is refused as too costly. */
    static final long MAX_MATCH_STEPS = 2_000_000;

    private CredentialValues() {
    }

    /** The values checked, sorted by field name; empty optional values are left out. */
    static Map<String, String> check(List<CredentialField> fields, Map<String, String> raw) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> given = raw == null ? Map.of() : raw;
        for (String name : given.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                throw refusal("The field '" + Text.excerpt(name) + "' is not a field of this credential type");
            }
        }
        for (CredentialField field : fields) {
            String value = given.get(field.name());
            if (value == null || value.isEmpty()) {
                if (field.required()) {
                    throw refusal("The field '" + field.name() + "' is required");
                }
                continue;
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw refusal("The value of field '" + field.name() + "' has more than " + MAX_VALUE_LENGTH
                        + " characters");
            }
            if (field.pattern() != null && !matches(field, value)) {
                throw refusal("The value of field '" + field.name() + "' does not match its pattern");
            }
            values.put(field.name(), value);
        }
        return values;
    }

    private static boolean matches(CredentialField field, String value) {
        try {
            return Pattern.compile(field.pattern()).matcher(new Bounded(value)).matches();
        } catch (StepsExceeded | StackOverflowError e) {
            // A pattern that repeats a group recurses once per repetition in java.util.regex: a long
            // value overflows the stack, which is the pattern's cost, not the service's failure.
            throw refusal("The pattern of field '" + field.name() + "' is too costly to check this value");
        }
    }

    private static DomainException refusal(String detail) {
        return new DomainException(INVALID_CREDENTIAL_VALUE, detail);
    }

    /** Thrown when a match reads more characters than allowed. */
    private static final class StepsExceeded extends RuntimeException {
        StepsExceeded() {
            super(null, null, false, false);
        }
    }

    /** A value that counts the characters a matcher reads and stops it beyond {@link #MAX_MATCH_STEPS}. */
    private static final class Bounded implements CharSequence {
        private final String text;
        private final long[] steps;

        Bounded(String text) {
            this(text, new long[1]);
        }

        private Bounded(String text, long[] steps) {
            this.text = text;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_MATCH_STEPS) {
                throw new StepsExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(text.substring(start, end), steps);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
