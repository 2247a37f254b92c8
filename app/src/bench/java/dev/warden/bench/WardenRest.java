package dev.warden.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API as a client sees it: HTTP/1.1 over kept-alive TCP connections. Signs in first when
 * the service has sessions ({@code POST /api/sessions}); otherwise sends no token and says so in
 * {@link #mode()}.
 * <p>
 * The JDK's blocking {@link HttpURLConnection}: each request runs on the client's own thread, start
 * to end, so the client costs the shared cores as little as a client can, and the figures are the
 * service's rather than the client library's.
 */
final class WardenRest {

    static {
        // Connections kept alive per host; enough for every client thread of the benchmark.
        System.setProperty("http.maxConnections", "64");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private String token;
    private JsonNode session;

    /** A response's status and body. */
    record Response(int statusCode, String body) {
    }

    WardenRest(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in with the bootstrap admin if the service has sessions; true if it did. */
    boolean signIn(String email, String password) throws IOException {
        Response response = send("POST", "/api/sessions",
                JSON.writeValueAsString(JSON.createObjectNode().put("email", email).put("password", password)));
        if (response.statusCode() == 404 || response.statusCode() == 405) {
            return false;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        session = JSON.readTree(response.body());
        token = session.path("token").asString();
        return true;
    }

    /** "authenticated" or "(unauthenticated)", for the report. */
    String mode() {
        return token == null ? "(unauthenticated)" : "authenticated";
    }

    /** A member of the sign-in answer, or {@code null}. */
    String sessionField(String name) {
        return session == null || !session.hasNonNull(name) ? null : session.get(name).asString();
    }

    /** Sends a command and returns the log position it answered with; fails on anything but 2xx. */
    long command(String method, String path, String body) throws IOException {
        Response response = send(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode json = JSON.readTree(response.body());
        return json.path("position").asLong(-1);
    }

    /** Sends a command and returns the id it answered with. */
    String create(String path, String body) throws IOException {
        Response response = send("POST", path, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).path("id").asString();
    }

    Response send(String method, String path, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        connection.setRequestProperty("Accept", "application/json, application/problem+json");
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setFixedLengthStreamingMode(bytes.length);
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = connection.getResponseCode();
        // Reading the body to its end hands the connection back for the next request.
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = "";
        if (in != null) {
            try (in) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Response(status, text);
    }
}
