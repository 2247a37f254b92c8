package dev.warden.command.governance.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An MCP server's reply to one message, its body still to be read: the status, the media type, the
 * server's session id, and a body that is closed when the call's deadline passes ({@link #expired()}
 * then tells the reader why it ended).
 */
final class Reply implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final ScheduledFuture<?> deadline;
    private volatile boolean expired;

    Reply(HttpResponse<InputStream> response, ScheduledExecutorService deadlines, long remainingNanos) {
        this.response = response;
        this.deadline = deadlines.schedule(this::cutOff, Math.max(0, remainingNanos), TimeUnit.NANOSECONDS);
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Whether the body is a server-sent event stream (else it is one JSON message, or empty). */
    boolean isEventStream() {
        return contentType().regionMatches(true, 0, "text/event-stream", 0, 17);
    }

    /** The session id the server gave, on the reply to an initialize. */
    String sessionId() {
        return response.headers().firstValue(UpstreamClient.SESSION_HEADER).orElse(null);
    }

    InputStream body() {
        return response.body();
    }

    /** Whether the deadline cut the body off. */
    boolean expired() {
        return expired;
    }

    private void cutOff() {
        expired = true;
        closeBody();
    }

    @Override
    public void close() {
        deadline.cancel(false);
        closeBody();
    }

    private void closeBody() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // Closing a finished or cut-off body has nothing left to report.
        }
    }
}
