package dev.warden.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal streamable-HTTP MCP client for the benchmark: initialize, then requests whose answer
 * arrives as JSON or as server-sent events, read up to the response. Speaks to the reference server
 * directly and to Warden's proxy alike, so the two are measured with the same code.
 */
final class McpWire {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final String authorization;
    private final AtomicLong ids = new AtomicLong();
    private String sessionId;

    McpWire(String endpoint, String authorization) {
        this.endpoint = URI.create(endpoint);
        this.authorization = authorization;
    }

    /** Initializes the session and sends {@code notifications/initialized}. */
    McpWire open() throws IOException, InterruptedException {
        request("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"warden-bench\",\"version\":\"1\"}}");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return this;
    }

    /** Sends a request and answers its JSON-RPC response; fails on an error response. */
    JsonNode request(String method, String params) throws IOException, InterruptedException {
        long id = ids.incrementAndGet();
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<InputStream> response = send(body);
        JsonNode answer = read(response, id);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " answered " + answer.get("error"));
        }
        return answer.get("result");
    }

    private HttpResponse<InputStream> send(String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId).header("Mcp-Protocol-Version", "2025-11-25");
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.headers().firstValue("mcp-session-id").ifPresent(id -> sessionId = id);
        if (response.statusCode() / 100 != 2) {
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            throw new IllegalStateException(endpoint + " answered HTTP " + response.statusCode() + ": " + text);
        }
        if (response.statusCode() == 202) {
            response.body().close();
        }
        return response;
    }

    /** The response with {@code id}: the JSON body, or the first SSE event carrying it. */
    private static JsonNode read(HttpResponse<InputStream> response, long id) throws IOException {
        String type = response.headers().firstValue("content-type").orElse("");
        try (InputStream in = response.body()) {
            if (!type.startsWith("text/event-stream")) {
                return JSON.readTree(in);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder data = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    JsonNode message = JSON.readTree(data.toString());
                    data.setLength(0);
                    if (message.path("id").asLong(-1) == id && (message.has("result") || message.has("error"))) {
                        return message;
                    }
                }
            }
        }
        throw new IOException("the event stream ended without the response to request " + id);
    }
}
