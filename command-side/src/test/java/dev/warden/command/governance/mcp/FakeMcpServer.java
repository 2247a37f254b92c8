package dev.warden.command.governance.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small streamable-HTTP MCP server on a loopback port, answering as the reference server does: every
 * request as an event stream (a priming event, then the response), 202 for notifications, 400 naming
 * the session for an unknown session id. It keeps what it received for the tests to check.
 */
final class FakeMcpServer implements AutoCloseable {

    /** A message as it arrived: its method (or "response"), the session header and the raw body. */
    record Received(String httpMethod, String method, String sessionId, String protocolVersion, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    /** Whether tools/list stalls after its priming event until the server is closed. */
    volatile boolean stallLists;
    volatile String tools = "[{\"name\":\"echo\",\"description\":\"Echoes back the input\",\"inputSchema\":"
            + "{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}}}},"
            + "{\"name\":\"get-env\",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"limit\":"
            + "{\"type\":\"number\",\"maximum\":0.10,\"minimum\":-12345678901234567890.5}}}}]";

    FakeMcpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/mcp", this::serve);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> methods() {
        return received.stream().map(Received::method).toList();
    }

    /** The session ids it gave, oldest first. */
    List<String> issued() {
        return List.copyOf(issued);
    }

    /** Forgets every session, as a restarted server does. */
    void forgetSessions() {
        sessions.clear();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String sessionId = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
            String version = exchange.getRequestHeaders().getFirst("MCP-Protocol-Version");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("DELETE")) {
                received.add(new Received("DELETE", null, sessionId, version, body));
                sessions.remove(sessionId);
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            JsonNode message = JSON.readTree(body);
            String method = message.has("method") ? message.get("method").asString() : "response";
            received.add(new Received("POST", method, sessionId, version, body));
            if (method.equals("initialize")) {
                String id = UUID.randomUUID().toString();
                sessions.add(id);
                issued.add(id);
                exchange.getResponseHeaders().add("Mcp-Session-Id", id);
                events(exchange, message.get("id"), "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}},"
                        + "\"serverInfo\":{\"name\":\"fake\",\"version\":\"1\"}}");
            } else if (sessionId == null || !sessions.contains(sessionId)) {
                byte[] refusal = ("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":"
                        + "\"Bad Request: No valid session ID provided\"},\"id\":null}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, refusal.length);
                exchange.getResponseBody().write(refusal);
            } else if (!message.has("id")) {
                exchange.sendResponseHeaders(202, -1);
            } else if (method.equals("tools/list") && stallLists) {
                start(exchange);
                write(exchange.getResponseBody(), "id: p\ndata: \n\n");
                await();
            } else if (method.equals("tools/list")) {
                events(exchange, message.get("id"), "{\"tools\":" + tools + ",\"nextCursor\":\"page-2\"}");
            } else if (method.equals("tools/call")) {
                call(exchange, message);
            } else {
                events(exchange, message.get("id"), "{\"echoedMethod\":\"" + method + "\"}");
            }
        }
    }

    private void call(HttpExchange exchange, JsonNode message) throws IOException {
        String tool = message.get("params").get("name").asString();
        if (tool.equals("slow")) {
            start(exchange);
            write(exchange.getResponseBody(), "id: p\ndata: \n\n");
            await();
            return;
        }
        String text = tool + ": " + message.get("params").path("arguments").path("message").asString("");
        start(exchange);
        OutputStream out = exchange.getResponseBody();
        write(out, "id: p\ndata: \n\n");
        write(out, "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
                + "\"params\":{\"progressToken\":1,\"progress\":1}}\n\n");
        write(out, "event: message\nid: 2\ndata: {\"result\":{\"content\":[{\"type\":\"text\",\"text\":"
                + JSON.writeValueAsString(text) + "}]},\"jsonrpc\":\"2.0\",\"id\":"
                + JSON.writeValueAsString(message.get("id")) + "}\n\n");
    }

    /** The exact bytes the server streams for a call of {@code tool} with {@code message}, request {@code id}. */
    static String callEvents(String tool, String message, String id) {
        return "id: p\ndata: \n\n"
                + "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
                + "\"params\":{\"progressToken\":1,\"progress\":1}}\n\n"
                + "event: message\nid: 2\ndata: {\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"" + tool + ": "
                + message + "\"}]},\"jsonrpc\":\"2.0\",\"id\":" + id + "}\n\n";
    }

    private static void events(HttpExchange exchange, JsonNode id, String result) throws IOException {
        start(exchange);
        OutputStream out = exchange.getResponseBody();
        write(out, "id: p\ndata: \n\n");
        write(out, "event: message\nid: 1\ndata: {\"result\":" + result + ",\"jsonrpc\":\"2.0\",\"id\":"
                + JSON.writeValueAsString(id) + "}\n\n");
    }

    private static void start(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void await() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
