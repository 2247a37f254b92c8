package dev.warden.command.governance.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a server-sent event stream one event at a time, and, when given a mirror, copies every byte
 * to it as read and flushes it at the end of each event, so a relayed stream reaches the caller event
 * by event (progress notifications and server requests in their order). Lines end in LF or CRLF;
 * several {@code data:} lines join with LF; comments, {@code id:}, {@code event:} and {@code retry:}
 * pass through untouched.
 */
final class EventStream {

    private final InputStream in;
    private final OutputStream mirror;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int position;
    private int limit;
    private boolean mirrored;

    EventStream(InputStream in, OutputStream mirror) {
        this.in = in;
        this.mirror = mirror;
    }

    /**
     * The data of the next event ({@code ""} for an event without data, such as a priming event), or
     * {@code null} at the end of the stream. An event the stream ends in the middle of is dropped.
     */
    String next() throws IOException {
        StringBuilder data = null;
        while (readLine()) {
            byte[] raw = line.toByteArray();
            int length = raw.length - (raw.length > 1 && raw[raw.length - 2] == '\r' ? 2 : 1);
            if (mirror != null) {
                mirror.write(raw);
                mirrored = true;
            }
            if (length == 0) {
                if (mirror != null) {
                    mirror.flush();
                }
                return data == null ? "" : data.toString();
            }
            if (startsWith(raw, length, "data:")) {
                int from = length > 5 && raw[5] == ' ' ? 6 : 5;
                data = data == null ? new StringBuilder() : data.append('\n');
                data.append(new String(raw, from, length - from, StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    /** Whether any byte was copied to the mirror. */
    boolean mirrored() {
        return mirrored;
    }

    /** Reads up to and including the next LF into {@code line}; false at the end of the stream. */
    private boolean readLine() throws IOException {
        line.reset();
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return false;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (position < limit) {
                position++;
                line.write(buffer, start, position - start);
                return true;
            }
            line.write(buffer, start, position - start);
        }
    }

    private static boolean startsWith(byte[] raw, int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (raw[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
