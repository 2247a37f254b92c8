package dev.warden.app.web;

import static dev.warden.app.support.Problems.assertInvalid;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.WardenTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Refusals that do not depend on the domain: bodies that are not JSON of the expected shape, query
 * parameters out of range, Spring's own client errors, and a position the read side cannot reach.
 */
@WardenTest
class ProblemDetailsApiIT {

    @LocalServerPort
    int port;

    @Value("${warden.query.max-consistency-wait}")
    Duration maxWait;

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
            assertProblem(api.post(roles, body), 400, "MALFORMED_BODY");
        }
        assertProblem(api.put(roles + "/" + role.id(), "{\"name\":\"Later\",\"expectedVersion\":\"latest\"}"), 400,
                "MALFORMED_BODY");
        assertProblem(api.put(roles + "/" + role.id(), "{\"name\":\"Later\",\"force\":true}"), 400, "MALFORMED_BODY");
        assertProblem(api.post("/api/orgs", "{\"name\":\"Acme\",\"plan\":\"gold\"}"), 400, "MALFORMED_BODY");
        assertProblem(api.post("/api/orgs/" + orgId + "/users", "{\"email\":\"x-" + Fixtures.unique()
                + "@example.com\",\"displayName\":\"X\",\"password\":\"" + Api.USER_PASSWORD + "\",\"admin\":true}"),
                400, "MALFORMED_BODY");
        assertProblem(api.post("/api/orgs/" + orgId + "/invitations", "{\"userId\":{}}"), 400, "MALFORMED_BODY");

        assertThat(Fixtures.newestAuditPosition(api, orgId, role.position())).isEqualTo(role.position());
    }

    @Test
    void queryParametersOutOfRangeAreInvalidQueries() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String base = "/api/orgs/" + org.id();
        assertThat(api.get(base + "?minPosition=" + org.position()).status()).isEqualTo(200);

        for (String list : List.of(base + "/roles", base + "/members", base + "/audit")) {
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

        assertProblem(api.post(base + "/roles", "{\"name\":\"Nul " + Fixtures.unique()
                + "\",\"description\":\"a\\u0000b\"}"), 400, "INVALID_ROLE_DESCRIPTION");
        assertProblem(api.post(base + "/roles", "{\"name\":\"a\\u0000b\"}"), 400, "INVALID_ROLE_NAME");
        assertProblem(api.post("/api/orgs", "{\"name\":\"a\\u0000b\"}"), 400, "INVALID_NAME");
        assertProblem(api.post(base + "/users", "{\"email\":\"a\\u0000b@example.com\",\"displayName\":\"N\","
                + "\"password\":\"" + Api.USER_PASSWORD + "\"}"), 400, "INVALID_EMAIL");
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

        assertProblem(api.send("POST", "/api/orgs/" + orgId + "/roles", "{\"name\":\"Plain\"}", "text/plain"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(api.send("PUT", "/api/orgs/" + orgId, "{}", "application/json"), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api.get("/api/nothing-here"), 404, "NOT_FOUND");
    }
}
