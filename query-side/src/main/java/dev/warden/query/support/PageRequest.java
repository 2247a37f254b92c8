package dev.warden.query.support;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A request for one page: at most {@code limit} rows after the row the cursor names. Cursors are
 * the sort key of the last row returned, base64url-encoded so clients treat them as opaque.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Reads the {@code limit} and {@code cursor} query parameters. */
    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String after = null;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                after = StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                throw new InvalidQueryException("cursor", "is not a cursor this service handed out");
            }
            if (after.isEmpty() || !TextParameters.isPlain(after)) {
                throw new InvalidQueryException("cursor", "is not a cursor this service handed out");
            }
        }
        return new PageRequest(size, after);
    }

    /** The number of rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /** Cuts the fetched rows to a page and makes the cursor from the last row's key. */
    public <T> Page<T> page(List<T> rows, Function<T, String> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), cursor(key.apply(items.get(items.size() - 1))));
    }

    /** The cursor a client is handed for a row's sort key (what {@link #after()} reads back). */
    public static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }
}
