package dev.warden.query.support;

import dev.warden.events.shared.Text;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Checks of free-text and time query parameters before they reach SQL. */
public final class TextParameters {

    /** The longest filter value accepted. */
    public static final int MAX_LENGTH = 200;
    /** The earliest instant a parameter may name (PostgreSQL holds far more; a year has four digits). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant a parameter may name. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private TextParameters() {
    }

    /**
     * Whether {@code value} is one line of text: no control or format characters and no lone
     * surrogates (the rules of {@link Text#forbidden}; PostgreSQL cannot even compare a NUL).
     */
    public static boolean isPlain(String value) {
        return Text.forbidden(value, false) < 0;
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

    /** {@code value} as one of {@code allowed}: {@code null} when absent, refused (naming them) otherwise. */
    public static String oneOf(String parameter, String value, List<String> allowed) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new InvalidQueryException(parameter, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** {@code value} as an ISO-8601 instant: {@code null} when absent, refused when malformed or out of range. */
    public static Instant instant(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (isInRange(instant)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // answered below, like an instant out of range
        }
        throw new InvalidQueryException(parameter, "is not an ISO-8601 instant from " + EARLIEST + " to "
                + LATEST + ", such as 2026-11-21T10:15:30Z");
    }

    /** Whether {@code instant} lies from {@link #EARLIEST} to {@link #LATEST}. */
    static boolean isInRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
