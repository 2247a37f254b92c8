package dev.warden.app.web;

import static dev.warden.app.support.Problems.assertInvalid;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.RawHttp;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refusals that do not depend on the domain: bodies that are not JSON of the expected shape, query
 * parameters out of range, Spring's own client errors, and a position the read side cannot reach;
 * requests Tomcat refuses itself; and how much of the client's input an error body quotes.
 */
@WardenTest
class ProblemDetailsApiIT {

    @LocalServerPort
    int port;

    @Value("${warden.query.max-consistency-wait}")
    Duration maxWait;

    @Autowired
    JdbcClient jdbc;

    @Test
    void bodiesThatAreNotJsonOfTheExpectedShapeAreMalformed() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String orgId = org.id();
        Api.Response role = Fixtures.role(api, orgId, "Shapely " + Fixtures.unique());
        String roles = "/api/orgs/" + orgId + "/roles";

        List<String> createRole = List.of(
                "{\"name\":",
                "not json",
                "",
                "[]",
                "{\"name\":\"Trailing\"} {}",
                "{\"name\":{\"text\":\"Nested\"}}",
                "{\"name\":[\"Listed\"]}",
                "{\"name\":\"Single\",\"permissions\":\"audit:read\"}",
                "{\"name\":\"Coloured\",\"colour\":\"red\"}",
                "{\"name\":5}",
                "{\"name\":1.5}",
                "{\"name\":true}",
                "{\"name\":\"Numbered\",\"permissions\":[7]}");
        for (String body : createRole) {
            assertProblem(api.postRaw(roles, body), 400, "MALFORMED_BODY");
        }
        assertProblem(api.putRaw(roles + "/" + role.id(), "{\"name\":\"Later\",\"expectedVersion\":\"latest\"}"), 400,
                "MALFORMED_BODY");
        assertProblem(api.putRaw(roles + "/" + role.id(), "{\"name\":\"Later\",\"force\":true}"), 400,
                "MALFORMED_BODY");
        assertProblem(api.postRaw("/api/orgs", "{\"name\":\"Acme\",\"plan\":\"gold\"}"), 400, "MALFORMED_BODY");
        assertProblem(api.postRaw("/api/orgs/" + orgId + "/users", "{\"email\":\"x-" + Fixtures.unique()
                + "@example.com\",\"displayName\":\"X\",\"password\":\"" + Api.USER_PASSWORD + "\",\"admin\":true}"),
                400, "MALFORMED_BODY");
        assertProblem(api.postRaw("/api/orgs/" + orgId + "/invitations", "{\"userId\":{}}"), 400, "MALFORMED_BODY");

        assertThat(Fixtures.newestAuditPosition(api, orgId, role.position())).isEqualTo(role.position());
    }

    @Test
    void queryParametersOutOfRangeAreInvalidQueries() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String base = "/api/orgs/" + org.id();
        assertThat(api.get(base + "?minPosition=" + org.position()).status()).isEqualTo(200);

        for (String list : List.of(base + "/roles", base + "/members", base + "/audit", base + "/activity",
                base + "/permissions", base + "/api-keys", base + "/access-requests", "/api/me/sessions",
                "/api/me/accounts", "/api/me/organizations")) {
            for (String limit : List.of("0", "-1", "201", "1000")) {
                assertInvalid(api.get(list + "?limit=" + limit), "INVALID_QUERY", "limit");
            }
            assertInvalid(api.get(list + "?limit=ten"), "INVALID_INPUT", "limit");
            assertInvalid(api.get(list + "?cursor=***"), "INVALID_QUERY", "cursor");
            assertThat(api.get(list + "?limit=200&minPosition=" + org.position()).status()).isEqualTo(200);
        }
        assertInvalid(api.get(base + "/audit?cursor=YWJj"), "INVALID_QUERY", "cursor");
        assertInvalid(api.get(base + "/audit?from=yesterday"), "INVALID_QUERY", "from");
        assertInvalid(api.get(base + "/audit?to=2026-13-01T00:00:00Z"), "INVALID_QUERY", "to");
        assertInvalid(api.get(base + "/audit?from=2026-01-01"), "INVALID_QUERY", "from");
        for (String feed : List.of(base + "/audit", base + "/activity")) {
            // Instants Java parses but PostgreSQL cannot hold (it failed with an SQL error).
            assertInvalid(api.get(feed + "?from=-999999999-01-01T00:00:00Z"), "INVALID_QUERY", "from");
            assertInvalid(api.get(feed + "?to=%2B10000-01-01T00:00:00Z"), "INVALID_QUERY", "to");
            assertInvalid(api.get(feed + "?from=0000-12-31T23:59:59Z"), "INVALID_QUERY", "from");
            assertInvalid(api.get(feed + "?actor=%00"), "INVALID_QUERY", "actor");
            assertInvalid(api.get(feed + "?eventType=" + "x".repeat(201)), "INVALID_QUERY", "eventType");
        }
        assertInvalid(api.get("/api/me/sessions?cursor=" + cursor("-999999999-01-01T00:00:00Z ses_x")),
                "INVALID_QUERY", "cursor");

        for (String read : List.of(base, base + "/roles", base + "/permissions", base + "/members", base + "/audit",
                base + "/members/" + Fixtures.user(api, org.id()).id(), "/api/me")) {
            assertInvalid(api.get(read + "?minPosition=-1"), "INVALID_QUERY", "minPosition");
            assertInvalid(api.get(read + "?minPosition=soon"), "INVALID_INPUT", "minPosition");
        }
    }

    @Test
    void aPositionBeyondTheLogIsNotReachedWithinTheBoundedWait() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        long beyond = org.position() + 1_000_000_000L;

        long start = System.nanoTime();
        Api.Response response = api.get("/api/orgs/" + org.id() + "/roles?minPosition=" + beyond);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertProblem(response, 503, "POSITION_NOT_REACHED");
        assertThat(response.json().get("position").asLong()).isEqualTo(beyond);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(waited).as("the configured wait, then an answer")
                .isGreaterThanOrEqualTo(maxWait).isLessThan(maxWait.plusSeconds(20));
    }

    @Test
    void textThatCannotBeStoredIsRefusedNotFailed() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String base = "/api/orgs/" + org.id();

        assertProblem(api.post(base + "/roles", Json.object("name", "Nul " + Fixtures.unique(),
                "description", "a\u0000b")), 400, "INVALID_ROLE_DESCRIPTION");
        assertProblem(api.post(base + "/roles", Json.object("name", "a\u0000b")), 400, "INVALID_ROLE_NAME");
        assertProblem(api.post("/api/orgs", Json.object("name", "a\u0000b")), 400, "INVALID_NAME");
        assertProblem(api.post(base + "/users", Json.object("email", "a\u0000b@example.com", "displayName", "N",
                "password", Api.USER_PASSWORD)), 400, "INVALID_EMAIL");
        for (String list : List.of(base + "/roles", base + "/members", base + "/audit", base + "/activity")) {
            assertInvalid(api.get(list + "?cursor=AA"), "INVALID_QUERY", "cursor");
        }
        for (String filter : List.of("actor", "eventType", "entity")) {
            assertInvalid(api.get(base + "/audit?" + filter + "=%00"), "INVALID_QUERY", filter);
            assertInvalid(api.get(base + "/audit?" + filter + "=" + "x".repeat(201)), "INVALID_QUERY", filter);
        }
        assertThat(Fixtures.newestAuditPosition(api, org.id(), org.position())).isEqualTo(org.position());
    }

    @Test
    void springsOwnClientErrorsAreProblemsWithACode() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();

        assertProblem(api.sendRaw("POST", "/api/orgs/" + orgId + "/roles", "{\"name\":\"Plain\"}", "text/plain"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(api.send("PUT", "/api/orgs/" + orgId, Json.object()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api.get("/api/nothing-here"), 404, "NOT_FOUND");
    }

    @Test
    void everyListPagesAndFiltersTheSameWay() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String base = "/api/orgs/" + org.id();

        Api.Response first = api.get(base + "/permissions?limit=2");
        List<JsonNode> firstItems = Fixtures.items(first);
        String next = first.json().get("nextCursor").asString();
        List<JsonNode> secondItems = Fixtures.items(api.get(base + "/permissions?limit=2&cursor=" + next));
        assertThat(firstItems).hasSize(2);
        assertThat(secondItems).hasSize(2);
        assertThat(secondItems.get(0).get("name").asString())
                .isGreaterThan(firstItems.get(1).get("name").asString());
        Api.Response organizations = api.get("/api/me/organizations?limit=1");
        assertThat(Fixtures.items(organizations)).hasSize(1);
        assertThat(organizations.json().get("nextCursor").isNull()).isFalse();

        List<JsonNode> created = Fixtures.items(api.get(base + "/activity?eventType=OrganizationCreatedEvent"
                + "&minPosition=" + org.position()));
        assertThat(created).extracting(a -> a.get("eventType").asString()).containsExactly("OrganizationCreatedEvent");
    }

    @Test
    void queryStringsThatAreNotUtf8AreInvalidQueriesOnEveryPath() {
        Api api = Api.admin(port);
        String base = "/api/orgs/" + Fixtures.organization(api).id();
        for (String list : List.of(base + "/roles", base + "/audit", base + "/activity", "/api/me/sessions")) {
            assertInvalid(api.get(list + "?cursor=%FF%FE"), "INVALID_QUERY", "cursor");
            assertInvalid(api.get(list + "?unknown=%FF%FE"), "INVALID_QUERY", "unknown");
            assertInvalid(api.get(list + "?actor=%C0%AE"), "INVALID_QUERY", "actor");
        }
        assertInvalid(api.get("/actuator/health/readiness?cursor=%FF%FE"), "INVALID_QUERY", "cursor");
        assertInvalid(api.get("/actuator/health?probe=%ED%A0%80"), "INVALID_QUERY", "probe");
        Map<String, String> json = Map.of("Accept", "application/json");
        assertInvalid(RawHttp.send(port, "GET", "/actuator/health/readiness?limit=%ZZ", json), "INVALID_QUERY",
                "limit");
        assertInvalid(RawHttp.send(port, "GET", "/actuator/health?x=1%", json), "INVALID_QUERY", "x");
    }

    @Test
    void contentTypesThatAreNotOneUtf8MediaTypeAreUnsupportedOnEveryEndpointWithABody() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String base = "/api/orgs/" + org.id();
        String roleId = Fixtures.role(api, org.id(), "Typed " + Fixtures.unique()).id();
        String userId = Fixtures.user(api, org.id()).id();
        String requests = base + "/access-requests/" + IdKind.ACCESS_REQUEST.next();
        long head = logHead();
        List<String> endpoints = List.of("POST /api/sessions", "PATCH /api/me", "PUT /api/me/password",
                "POST /api/me/accounts", "POST /api/me/totp/confirm", "POST /api/me/totp/disable", "POST /api/orgs",
                "PATCH " + base, "POST " + base + "/users", "POST " + base + "/members",
                "PUT " + base + "/members/" + userId + "/role", "POST " + base + "/roles",
                "PUT " + base + "/roles/" + roleId, "POST " + base + "/api-keys", "POST " + base + "/access-requests",
                "POST " + requests + "/approve", "POST " + requests + "/deny");
        for (String endpoint : endpoints) {
            String[] request = endpoint.split(" ");
            for (String contentType : List.of("*/*", "application/*", "application/json;charset=ISO-8859-1",
                    "application/json;charset=UTF-16")) {
                Api.Response response = api.sendRaw(request[0], request[1], "{\"name\":\"Typed\"}", contentType);
                assertThat(response.status()).as(endpoint + " " + contentType + ": " + response.body()).isEqualTo(415);
                assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
            }
        }
        assertThat(logHead()).as("nothing written").isEqualTo(head);
    }

    @Test
    void duplicateKeysByteOrderMarksAndOtherEncodingsAreMalformed() {
        Api api = Api.admin(port);
        String base = "/api/orgs/" + Fixtures.organization(api).id();
        Map<String, String> headers = jsonHeaders();
        long head = logHead();

        assertProblem(api.postRaw("/api/orgs", "{\"name\":\"First\",\"name\":\"Second\"}"), 400, "MALFORMED_BODY");
        assertProblem(api.patchRaw(base, "{\"name\":\"First\",\"name\":\"Second\"}"), 400, "MALFORMED_BODY");
        assertProblem(api.postRaw(base + "/roles", "{\"name\":\"Twice\",\"permissions\":[],"
                + "\"permissions\":[\"audit:read\"]}"), 400, "MALFORMED_BODY");

        String json = Json.text(Json.object("name", "Encoded " + Fixtures.unique()));
        List<byte[]> bodies = List.of(
                concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, json.getBytes(StandardCharsets.UTF_8)),
                json.getBytes(StandardCharsets.UTF_16LE),
                json.getBytes(StandardCharsets.UTF_16),
                concat(new byte[] {(byte) 0xff, (byte) 0xfe}, json.getBytes(StandardCharsets.UTF_16LE)),
                json.getBytes(Charset.forName("UTF-32BE")));
        for (byte[] body : bodies) {
            Api.Response response = RawHttp.send(port, "PATCH", base.getBytes(StandardCharsets.US_ASCII), headers,
                    body, false);
            assertProblem(response, 400, "MALFORMED_BODY");
        }
        assertThat(logHead()).as("nothing written").isEqualTo(head);
    }

    @Test
    void aChunkedBodyOverTheLimitIsTooLargeLikeOneWithALength() {
        Map<String, String> headers = jsonHeaders();
        long head = logHead();
        byte[] body = ("{\"name\":\"Chunked\"" + " ".repeat(10 * 1024 * 1024) + "}").getBytes(StandardCharsets.UTF_8);

        assertProblem(RawHttp.send(port, "POST", "/api/orgs".getBytes(StandardCharsets.US_ASCII), headers, body, true),
                413, "PAYLOAD_TOO_LARGE");
        assertProblem(RawHttp.send(port, "POST", "/api/orgs".getBytes(StandardCharsets.US_ASCII), headers, body, false),
                413, "PAYLOAD_TOO_LARGE");
        assertThat(logHead()).as("nothing written").isEqualTo(head);
    }

    @Test
    void requestsTomcatRefusesItselfAreProblemsNotHtmlPages() {
        String roles = "/api/orgs/" + Fixtures.organization(Api.admin(port)).id() + "/roles/";
        List<String> paths = List.of(roles + "%00", roles + "a%2Fb", roles + "a%5Cb", roles + "%ZZ",
                roles + "%C0%AF", roles + "%C0%AE%C0%AE", roles + "caf\u00e9", roles + "caf\u00c3\u00a9",
                roles + "\u00ff\u00fe");
        for (String path : paths) {
            for (String accept : List.of("text/html", "application/json", "*/*")) {
                Api.Response response = RawHttp.send(port, "GET", path, Map.of("Accept", accept));
                assertThat(response.body()).as(path + " " + accept).doesNotContain("<html");
                assertProblem(response, 400, "MALFORMED_REQUEST");
            }
        }
        for (String accept : List.of("text/html", "application/json", "*/*")) {
            Api.Response trace = RawHttp.send(port, "TRACE", roles, Map.of("Accept", accept));
            assertThat(trace.body()).as(accept).doesNotContain("<html").doesNotContain("Whitelabel");
            assertProblem(trace, 405, "METHOD_NOT_ALLOWED");
            assertProblem(RawHttp.send(port, "TRACE", "/actuator/health", Map.of("Accept", accept)), 405,
                    "METHOD_NOT_ALLOWED");
        }
        assertProblem(RawHttp.send(port, "GET", "/error", Map.of("Accept", "text/html")), 404, "NOT_FOUND");
    }

    @Test
    void errorBodiesQuoteClientInputOnlyAsAShortSanitizedPrefix() {
        Api api = Api.admin(port);
        String base = "/api/orgs/" + Fixtures.organization(api).id();
        String longId = "r".repeat(10_000);
        List<Api.Response> responses = new ArrayList<>();
        responses.add(api.get(base + "/roles/" + longId));
        responses.add(api.get(base + "/members/" + longId));
        responses.add(api.get(base + "/access-requests/" + longId));
        responses.add(api.delete(base + "/api-keys/" + longId));
        responses.add(api.delete("/api/me/sessions/" + longId));
        responses.add(api.get("/api/orgs/" + longId + "/roles"));
        responses.add(api.put(base + "/roles/" + longId.substring(5000) + "/permissions/" + longId.substring(5000),
                null));
        responses.add(api.get("/api/nothing-here/" + longId));
        responses.add(api.sendRaw("POST", base + "/roles", "{}", "text/" + longId));
        responses.add(RawHttp.send(port, "R".repeat(5000), base + "/roles", Map.of("Accept", "application/json")));
        for (Api.Response response : responses) {
            assertThat(response.status()).as(response.body()).isBetween(400, 499);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.body()).as("echoes at most a prefix").hasSizeLessThan(600)
                    .doesNotContain("r".repeat(130)).doesNotContain("R".repeat(130));
            assertThat(response.json().path("detail").asString()).doesNotContain("r".repeat(41));
        }
        Api.Response markup = api.get(base + "/roles/%3Cscript%3Ealert(1)%22%3E");
        assertProblem(markup, 404, "ROLE_NOT_FOUND");
        assertThat(markup.json().get("detail").asString()).doesNotContain("<").doesNotContain("(");
    }

    /** The newest position of the event log. */
    private long logHead() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    /** Headers of a JSON request by the first Admin, for requests sent over a raw socket. */
    private Map<String, String> jsonHeaders() {
        return Map.of("Authorization", "Bearer " + Api.admin(port).signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD),
                "Content-Type", "application/json", "Accept", "application/json");
    }

    private static String cursor(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
