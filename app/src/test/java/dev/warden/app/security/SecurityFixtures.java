package dev.warden.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What the security tests share: members holding a given role, raw requests, the head of the log. */
final class SecurityFixtures {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SecurityFixtures() {
    }

    /** Registers a user in {@code orgId}, gives them exactly the system role {@code roleName}, and signs them in. */
    static Fixtures.SignedIn member(Api admin, String orgId, String roleName) {
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, orgId);
        if (!roleName.equals("Viewer")) {
            String roleId = Fixtures.systemRole(admin, orgId, user.position(), roleName);
            Api.Response changed = admin.put("/api/orgs/" + orgId + "/members/" + user.userId() + "/role",
                    Json.object("roleId", roleId));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            return new Fixtures.SignedIn(user.userId(), user.email(), changed.position(), user.api());
        }
        return user;
    }

    /** The role ids a member holds, as the member view shows them. */
    static List<String> roleIds(Api api, String orgId, String userId, long minPosition) {
        Api.Response member = api.get("/api/orgs/" + orgId + "/members/" + userId + "?minPosition=" + minPosition);
        assertThat(member.status()).as(member.body()).isEqualTo(200);
        return Fixtures.strings(member.json().get("roleIds"));
    }

    /** Issues an API key in {@code orgId} with {@code scopes}; answers the issue response (id, secret, prefix). */
    static Api.Response apiKey(Api api, String orgId, String... scopes) {
        Api.Response issued = api.post("/api/orgs/" + orgId + "/api-keys",
                Json.object("name", "key " + Fixtures.unique(), "scopes", List.of(scopes)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued;
    }

    /**
     * A valid body for {@code endpoint} ("METHOD /path/pattern"), or {@code null} for a GET or DELETE,
     * for the tests that call every endpoint: names are {@code word} and a unique tag, {@code userId}
     * is invited, {@code roleId} assigned and {@code requestedRoleId} asked for.
     */
    static Map<String, Object> body(String endpoint, String word, String userId, String roleId,
                                    String requestedRoleId) {
        String tag = Fixtures.unique();
        String title = Character.toUpperCase(word.charAt(0)) + word.substring(1) + " " + tag;
        Map<String, Object> infrastructure = InfrastructureWorld.body(endpoint, word, tag);
        if (infrastructure != null) {
            return infrastructure;
        }
        Map<String, Object> policy = PolicyWorld.body(endpoint, word, tag);
        if (policy != null) {
            return policy;
        }
        return switch (endpoint) {
            case "PATCH /api/orgs/{orgId}", "PUT /api/orgs/{orgId}/roles/{roleId}" ->
                    Json.object("name", "Renamed " + tag);
            case "POST /api/orgs/{orgId}/invitations" -> Json.object("userId", userId);
            case "PUT /api/orgs/{orgId}/members/{userId}/role" -> Json.object("roleId", roleId);
            case "POST /api/orgs/{orgId}/users" -> Json.object("email", word + "-" + tag + "@example.com",
                    "displayName", title, "password", Api.USER_PASSWORD);
            case "POST /api/orgs/{orgId}/roles" -> Json.object("name", title);
            case "POST /api/orgs/{orgId}/api-keys" -> Json.object("name", word + " " + tag,
                    "scopes", List.of("organizations:read"));
            case "POST /api/orgs/{orgId}/access-requests" -> Json.object("roleId", requestedRoleId,
                    "justification", word);
            case "POST /api/orgs/{orgId}/access-requests/{requestId}/approve" -> Json.object("reason", "ok");
            case "POST /api/orgs/{orgId}/access-requests/{requestId}/deny" -> Json.object("reason", "no");
            case "POST /api/orgs/{orgId}/conversations" -> Json.object("title", title);
            case "PATCH /api/orgs/{orgId}/conversations/{conversationId}" -> Json.object("title", "Renamed " + tag);
            case "POST /api/orgs/{orgId}/conversations/{conversationId}/messages" -> Json.object("role", "user",
                    "content", word);
            default -> endpoint.startsWith("GET ") || endpoint.startsWith("DELETE ") ? null : Json.object();
        };
    }

    /** The newest position of the event log. */
    static long logHead(JdbcClient jdbc) {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    /** Audit entries of {@code orgId} matching {@code query} (e.g. "eventType=RoleAssignedEvent"), newest first. */
    static List<JsonNode> audit(Api api, String orgId, String query) {
        return Fixtures.items(api.get("/api/orgs/" + orgId + "/audit?limit=200&" + query));
    }

    /** Sends raw bytes (anything, also invalid UTF-8) and answers the response as {@link Api.Response}. */
    static Api.Response raw(int port, String method, String path, byte[] body, String contentType,
                            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Warden-Position").orElse(null),
                    response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
