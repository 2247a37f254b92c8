package dev.warden.query.support;

/** Checks of free-text query parameters before they reach SQL. */
public final class TextParameters {

    /** The longest filter value accepted. */
    public static final int MAX_LENGTH = 200;

    private TextParameters() {
    }

    /** Whether {@code value} has no control characters (PostgreSQL cannot even compare a NUL). */
    public static boolean isPlain(String value) {
        return value.chars().noneMatch(Character::isISOControl);
    }

    /** {@code value} as a filter: {@code null} when absent, refused when too long or not plain text. */
    public static String filter(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_LENGTH || !isPlain(value)) {
            throw new InvalidQueryException(parameter, "must be at most " + MAX_LENGTH
                    + " characters of text without control characters");
        }
        return value;
    }
}
