package dev.warden.query.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The keyset of a list ordered newest first by creation time, then id: where the next page starts.
 * The cursor text is the last row's creation instant and id, separated by a space (ids have none).
 *
 * @param createdAt the last row's creation time, {@code null} on the first page
 * @param id        the last row's id, {@code ""} on the first page
 */
public record NewestFirst(Instant createdAt, String id) {

    /** Where the page asked for starts. */
    public static NewestFirst of(PageRequest page) {
        if (page.after() == null) {
            return new NewestFirst(null, "");
        }
        int space = page.after().indexOf(' ');
        if (space < 1 || space == page.after().length() - 1) {
            throw notACursor();
        }
        try {
            return new NewestFirst(Instant.parse(page.after().substring(0, space)), page.after().substring(space + 1));
        } catch (DateTimeParseException e) {
            throw notACursor();
        }
    }

    /** The cursor text of a row. */
    public static String key(Instant createdAt, String id) {
        return createdAt + " " + id;
    }

    /** {@link #createdAt()} as a parameter for {@code CAST(:before AS timestamptz) IS NULL OR (created_at, id) < (:before, :id)}. */
    public Timestamp before() {
        return Rows.timestamp(createdAt);
    }

    private static InvalidQueryException notACursor() {
        return new InvalidQueryException("cursor", "is not a cursor this service handed out");
    }
}
