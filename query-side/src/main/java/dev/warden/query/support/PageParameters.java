package dev.warden.query.support;

/**
 * The query parameters every list takes, as the client sent them: {@code limit} and {@code cursor}
 * (which page) and {@code minPosition} (the log position the answer must reflect). A controller
 * method declares one and hands it to {@link ReadGuard}, which checks the values, waits for the
 * position and reads the page.
 */
@QueryParameters
public record PageParameters(Integer limit, String cursor, Long minPosition) {

    /** The page asked for; refused when the limit or the cursor cannot be used. */
    public PageRequest page() {
        return PageRequest.of(limit, cursor);
    }
}
