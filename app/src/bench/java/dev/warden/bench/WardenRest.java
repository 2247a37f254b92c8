package dev.warden.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API as a client sees it. Signs in first when the service has sessions
 * ({@code POST /api/sessions}); otherwise sends no token and says so in {@link #mode()}.
 */
final class WardenRest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * HTTP/1.1 with a connection per client thread. The client's own work runs on its selector thread
     * rather than being handed to a pool, so a request costs fewer thread switches on a small machine.
     */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Runnable::run)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private String token;
    private JsonNode session;

    WardenRest(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in with the bootstrap admin if the service has sessions; true if it did. */
    boolean signIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/sessions",
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
    long command(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode json = JSON.readTree(response.body());
        return json.path("position").asLong(-1);
    }

    /** Sends a command and returns the id it answered with. */
    String create(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", path, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).path("id").asString();
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
