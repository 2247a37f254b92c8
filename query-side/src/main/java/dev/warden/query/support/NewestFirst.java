package dev.warden.query.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keyset of a list ordered newest first by creation time, then id: where the next page starts.
 * The cursor text is the last row's creation instant and id, separated by a space (ids have none).
 * A query ends with {@link #FROM_CURSOR}, read backwards from an index on (tenant, created_at, id);
 * {@link #bind} sets its three parameters.
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
            Instant createdAt = Instant.parse(page.after().substring(0, space));
            if (TextParameters.isInRange(createdAt)) {
                return new NewestFirst(createdAt, page.after().substring(space + 1));
            }
        } catch (DateTimeParseException e) {
            // answered below, like an instant PostgreSQL cannot hold
        }
        throw notACursor();
    }

    /**
     * How a statement of a newest-first list ends, after its tenant's conditions and an {@code AND}:
     * the rows older than the cursor, newest first, a page and one more. On the first page
     * {@code :before} is null and stands for 'infinity' (every row is older), so the keyset is the same
     * index condition on every page, in PostgreSQL's generic plan of the statement too; a
     * {@code :before IS NULL OR ...} is a filter there, read through every row newer than the cursor.
     */
    public static final String FROM_CURSOR =
            "(created_at, id) < (COALESCE(CAST(:before AS timestamptz), 'infinity'), :id)"
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit";

    /** The cursor text of a row. */
    public static String key(Instant createdAt, String id) {
        return createdAt + " " + id;
    }

    /** Where the page asked for starts, bound as {@code :before}, {@code :id} and {@code :limit}. */
    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, PageRequest page) {
        NewestFirst after = of(page);
        return statement.param("before", after.before())
                .param("id", after.id())
                .param("limit", page.fetchSize());
    }

    /** {@link #createdAt()} as a JDBC parameter, {@code null} on the first page. */
    public Timestamp before() {
        return Rows.timestamp(createdAt);
    }

    private static InvalidQueryException notACursor() {
        return new InvalidQueryException("cursor", "is not a cursor this service handed out");
    }
}
