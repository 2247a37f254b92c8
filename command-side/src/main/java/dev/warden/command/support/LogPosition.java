package dev.warden.command.support;

import java.util.OptionalLong;

/**
 * The log position (global index) of the last event this thread appended. Commands run in the
 * caller's thread, so after a command returns this is the position of its last event, which the
 * response hands to the client for read-your-writes.
 */
public final class LogPosition {

    private static final ThreadLocal<Long> LAST = new ThreadLocal<>();

    private LogPosition() {
    }

    /** Forgets what this thread appended before. */
    public static void reset() {
        LAST.remove();
    }

    /** Records that this thread appended an event at {@code position}. */
    public static void appended(long position) {
        Long previous = LAST.get();
        if (previous == null || previous < position) {
            LAST.set(position);
        }
    }

    /** The highest position this thread appended since the last {@link #reset()}. */
    public static OptionalLong last() {
        Long value = LAST.get();
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
