package dev.warden.query.support;

/**
 * The keyset of a list ordered by two text columns, as a cursor carries it: the last row's
 * {@code head} (an id or another value without spaces) and {@code tail}, separated by the first
 * space. A query takes the page with {@code (col1, col2) > (:a, :b)}; the first page starts at
 * {@code ("", "")}, before every row.
 *
 * @param head the part without spaces
 * @param tail the rest (may hold spaces)
 */
public record SortKey(String head, String tail) {

    /** Where the page asked for starts. */
    public static SortKey after(PageRequest page) {
        if (page.after() == null) {
            return new SortKey("", "");
        }
        int space = page.after().indexOf(' ');
        if (space < 1) {
            throw new InvalidQueryException("cursor", "is not a cursor this service handed out");
        }
        return new SortKey(page.after().substring(0, space), page.after().substring(space + 1));
    }

    /** The cursor text of a row whose key is {@code head} (no spaces) and {@code tail}. */
    public static String of(String head, String tail) {
        return head + " " + tail;
    }
}
