package dev.warden.app.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A small HTTP client for the API under test: bodies written by Jackson (or, for tests of malformed
 * input, raw text) in, status and parsed JSON out.
 */
public final class Api {

    /** The first Admin every test service is bootstrapped with. */
    public static final String ADMIN_EMAIL = "first-admin@warden.test";
    public static final String ADMIN_PASSWORD = "first admin's long passphrase";
    /** The password of every user the fixtures register. */
    public static final String USER_PASSWORD = "correct horse battery staple";
    private static final Map<Integer, String> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpClient http;
    private final String base;
    private final Map<String, String> headers;

    public Api(int port) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://localhost:" + port,
                Map.of());
    }

    private Api(HttpClient http, String base, Map<String, String> headers) {
        this.http = http;
        this.base = base;
        this.headers = headers;
    }

    /** A client signed in as the bootstrapped first Admin (Admin of every organization it creates). */
    public static Api admin(int port) {
        Api anonymous = new Api(port);
        return anonymous.withToken(ADMIN_TOKENS.computeIfAbsent(port, p -> anonymous.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)));
    }

    /** Signs in and answers the session token (failing the test when sign-in fails). */
    public String signIn(String email, String password) {
        Response response = post("/api/sessions", Json.object("email", email, "password", password));
        if (response.status() != 201) {
            throw new AssertionError("sign-in of " + email + " failed: " + response.status() + " " + response.body());
        }
        return response.json().get("token").asString();
    }

    /** A client signed in as {@code email} with the fixtures' password. */
    public Api as(String email) {
        return new Api(http, base, Map.of()).withToken(new Api(http, base, Map.of()).signIn(email, USER_PASSWORD));
    }

    /** The same client without credentials. */
    public Api anonymous() {
        return new Api(http, base, Map.of());
    }

    /** The same client, sending {@code token} as its bearer credential. */
    public Api withToken(String token) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put("Authorization", "Bearer " + token);
        return new Api(http, base, Map.copyOf(more));
    }

    /** The same client, sending {@code name: value} with every request as well. */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(http, base, Map.copyOf(more));
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** A GET that accepts any representation (e.g. the Prometheus text format). */
    public Response getText(String path) {
        return request("GET", path, null, null, "*/*");
    }

    /** POSTs {@code body} written as JSON by Jackson (see {@link Json#object}); {@code null} sends no body. */
    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    /** PUTs {@code body} written as JSON by Jackson; {@code null} sends no body. */
    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** PATCHes {@code body} written as JSON by Jackson; {@code null} sends no body. */
    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends {@code body} written as JSON by Jackson with {@code method}; {@code null} sends no body. */
    public Response send(String method, String path, Object body) {
        return request(method, path, body == null ? null : Json.bytes(body), "application/json",
                "application/json, application/problem+json");
    }

    /**
     * POSTs {@code text} exactly as given, as application/json: only for tests that send malformed or
     * unusual JSON on purpose (broken syntax, duplicate names, wrong types, padding).
     */
    public Response postRaw(String path, String text) {
        return sendRaw("POST", path, text, "application/json");
    }

    /** PUTs {@code text} exactly as given, as application/json (see {@link #postRaw}). */
    public Response putRaw(String path, String text) {
        return sendRaw("PUT", path, text, "application/json");
    }

    /** PATCHes {@code text} exactly as given, as application/json (see {@link #postRaw}). */
    public Response patchRaw(String path, String text) {
        return sendRaw("PATCH", path, text, "application/json");
    }

    /** Sends {@code text} exactly as given (UTF-8), labelled {@code contentType}. */
    public Response sendRaw(String method, String path, String text, String contentType) {
        return request(method, path, text == null ? null : text.getBytes(StandardCharsets.UTF_8), contentType,
                "application/json, application/problem+json");
    }

    private Response request(String method, String path, byte[] body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Warden-Position").orElse(null),
                    response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, content type, raw body, the position header and all headers. */
    public record Response(int status, String contentType, String body, String positionHeader,
                           java.net.http.HttpHeaders headers) {

        /** The first value of the response header {@code name}, or {@code null}. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return Json.parse(body);
        }

        /** The {@code id} member of a command response. */
        public String id() {
            return json().get("id").asString();
        }

        /** The {@code position} member of a command response. */
        public long position() {
            return json().get("position").asLong();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        /** The {@code code} member of a problem body. */
        public String code() {
            return json().path("code").asString();
        }
    }
}
