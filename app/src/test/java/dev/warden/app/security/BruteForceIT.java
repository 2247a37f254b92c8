package dev.warden.app.security;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.TestClock;
import dev.warden.app.support.WardenTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Failed sign-ins per email (test settings: 3 free, then doubling waits, locked for 15 minutes at 10):
 * the lockout engages and releases as configured, and an unknown email answers exactly the same.
 */
@WardenTest
class BruteForceIT {

    private static final String WRONG = "wrong but long passphrase";

    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void lockoutEngagesAndReleasesAsConfigured() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, orgId);
        Api anonymous = admin.anonymous();

        List<String> trace = run(anonymous, user.email());

        // The counter is reset: the next 3 failures are free again, and then the back-off starts at 1 s.
        for (int i = 0; i < 3; i++) {
            assertProblem(anonymous.post("/api/sessions", signIn(user.email(), WRONG)), 401, "INVALID_CREDENTIALS");
        }
        Api.Response throttled = anonymous.post("/api/sessions", signIn(user.email(), Api.USER_PASSWORD));
        assertProblem(throttled, 429, "TOO_MANY_ATTEMPTS");
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        TestClock.advance(Duration.ofMillis(1100));
        assertThat(anonymous.post("/api/sessions", signIn(user.email(), Api.USER_PASSWORD)).status()).isEqualTo(201);
        System.out.println("Brute force trace: " + trace);
    }

    @Test
    void anUnknownEmailGetsExactlyTheSameAnswers() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        Fixtures.SignedIn known = Fixtures.signedInUser(admin, orgId);
        String unknown = "nobody-" + Fixtures.unique() + "@example.com";
        Api anonymous = admin.anonymous();
        List<String> knownTrace = failures(anonymous, known.email());
        TestClock.reset();
        List<String> unknownTrace = failures(anonymous, unknown);
        assertThat(unknownTrace).isEqualTo(knownTrace);
    }

    @Test
    void waitingRetryAfterSecondsIsEnough() {
        Api admin = Api.admin(port);
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, Fixtures.organization(admin).id());
        Api anonymous = admin.anonymous();
        for (int i = 1; i <= 4; i++) {
            if (i == 4) {
                TestClock.advance(Duration.ofMillis(1100));
            }
            assertProblem(anonymous.post("/api/sessions", signIn(user.email(), WRONG)), 401, "INVALID_CREDENTIALS");
        }
        // Four failures: the next attempt waits 2 s.
        Api.Response throttled = anonymous.post("/api/sessions", signIn(user.email(), Api.USER_PASSWORD));
        assertProblem(throttled, 429, "TOO_MANY_ATTEMPTS");
        TestClock.advance(Duration.ofSeconds(Long.parseLong(throttled.header("Retry-After"))));
        Api.Response retried = anonymous.post("/api/sessions", signIn(user.email(), Api.USER_PASSWORD));
        assertThat(retried.status()).as("after Retry-After " + throttled.header("Retry-After") + ": "
                + retried.body()).isEqualTo(201);
    }

    /** Ten failures with the waits between them, then the lockout: a trace of status, code and body shape. */
    private List<String> failures(Api anonymous, String email) {
        List<String> trace = new ArrayList<>();
        for (int failure = 1; failure <= 10; failure++) {
            if (failure > 3) {
                Api.Response throttled = anonymous.post("/api/sessions", signIn(email, WRONG));
                trace.add(shape(throttled));
                assertProblem(throttled, 429, "TOO_MANY_ATTEMPTS");
                TestClock.advance(Duration.ofSeconds(1L << (failure - 1 - 3)).plusMillis(100));
            }
            Api.Response failed = anonymous.post("/api/sessions", signIn(email, WRONG));
            trace.add(shape(failed));
            assertProblem(failed, 401, "INVALID_CREDENTIALS");
        }
        Api.Response locked = anonymous.post("/api/sessions", signIn(email, Api.USER_PASSWORD));
        trace.add(shape(locked));
        assertProblem(locked, 429, "TOO_MANY_ATTEMPTS");
        return trace;
    }

    private List<String> run(Api anonymous, String email) {
        // The first 3 failures answer at once.
        for (int i = 1; i <= 3; i++) {
            assertProblem(anonymous.post("/api/sessions", signIn(email, WRONG)), 401, "INVALID_CREDENTIALS");
        }
        List<String> trace = new ArrayList<>();
        // Then each failure makes the next attempt wait 1 s, 2 s, 4 s, ...; even the right password.
        for (int failure = 4; failure <= 10; failure++) {
            long waitSeconds = 1L << (failure - 1 - 3);
            Api.Response throttled = anonymous.post("/api/sessions", signIn(email, Api.USER_PASSWORD));
            assertProblem(throttled, 429, "TOO_MANY_ATTEMPTS");
            long retryAfter = Long.parseLong(throttled.header("Retry-After"));
            assertThat(retryAfter).as("Retry-After before failure " + failure).isBetween(1L, waitSeconds);
            trace.add("before failure " + failure + ": 429 Retry-After " + retryAfter);
            if (waitSeconds >= 4) {
                // Still throttled shortly before the wait is over (2 s of slack for the real time passing).
                TestClock.advance(Duration.ofSeconds(waitSeconds - 2));
                assertProblem(anonymous.post("/api/sessions", signIn(email, WRONG)), 429, "TOO_MANY_ATTEMPTS");
                TestClock.advance(Duration.ofMillis(2100));
            } else {
                TestClock.advance(Duration.ofSeconds(waitSeconds).plusMillis(100));
            }
            assertProblem(anonymous.post("/api/sessions", signIn(email, WRONG)), 401, "INVALID_CREDENTIALS");
        }
        // Ten failures: locked for the lockout time, even with the right password.
        Api.Response locked = anonymous.post("/api/sessions", signIn(email, Api.USER_PASSWORD));
        assertProblem(locked, 429, "TOO_MANY_ATTEMPTS");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
        trace.add("locked: 429 Retry-After " + retryAfter);
        TestClock.advance(Duration.ofMinutes(10));
        assertProblem(anonymous.post("/api/sessions", signIn(email, Api.USER_PASSWORD)), 429, "TOO_MANY_ATTEMPTS");
        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Api.Response signedIn = anonymous.post("/api/sessions", signIn(email, Api.USER_PASSWORD));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
        trace.add("after the lockout: 201");
        return trace;
    }

    /** Status, code, detail, Retry-After presence and the body's fields, without instance and ids. */
    private static String shape(Api.Response response) {
        JsonNode body = response.json();
        List<String> fields = new ArrayList<>();
        body.propertyNames().forEach(fields::add);
        fields.sort(null);
        return response.status() + " " + body.path("code").asString() + " " + body.path("title").asString() + " "
                + body.path("type").asString() + " " + body.path("detail").asString() + " " + fields
                + " retry-after=" + (response.header("Retry-After") != null) + " www-auth="
                + response.header("WWW-Authenticate");
    }

    private static Map<String, Object> signIn(String email, String password) {
        return Json.object("email", email, "password", password);
    }
}
