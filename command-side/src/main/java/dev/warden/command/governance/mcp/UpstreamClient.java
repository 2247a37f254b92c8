package dev.warden.command.governance.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends messages to MCP servers over streamable HTTP: one HTTP/1.1 client for every server (its
 * connections are kept and reused; no h2c upgrade on cleartext), and a deadline per message. The
 * client's own request timeout only bounds the wait for the reply's headers, so the body of each
 * reply is closed when the call timeout runs out, however it is streaming.
 */
@Component
class UpstreamClient implements DisposableBean {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final Duration callTimeout;
    private final ScheduledExecutorService deadlines;

    UpstreamClient(McpSettings settings) {
        this.callTimeout = settings.callTimeout();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mcp-call-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * POSTs {@code body} to the server at {@code url} in upstream session {@code sessionId} (none for an
     * initialize) and answers the reply once its headers arrived; the caller reads and closes it.
     */
    Reply post(URI url, String sessionId, String protocolVersion, byte[] body) throws IOException {
        long deadline = System.nanoTime() + callTimeout.toNanos();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(callTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers(request, sessionId, protocolVersion);
        HttpResponse<InputStream> response = send(request.build());
        return new Reply(response, deadlines, deadline - System.nanoTime());
    }

    /** Ends upstream session {@code sessionId}, without waiting for the server's answer. */
    void delete(URI url, String sessionId, String protocolVersion) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(callTimeout).DELETE();
        headers(request, sessionId, protocolVersion);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Posts a notification without waiting for the server's answer (a cancellation after a deadline). */
    void notify(URI url, String sessionId, String protocolVersion, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(callTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers(request, sessionId, protocolVersion);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void headers(HttpRequest.Builder request, String sessionId, String protocolVersion) {
        if (sessionId != null) {
            request.header(SESSION_HEADER, sessionId);
        }
        if (protocolVersion != null) {
            request.header(VERSION_HEADER, protocolVersion);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the MCP server", e);
        }
    }

    @Override
    public void destroy() {
        deadlines.shutdownNow();
    }
}
