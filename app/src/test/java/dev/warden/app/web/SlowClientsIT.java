package dev.warden.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.app.support.Api;
import dev.warden.app.support.Json;
import dev.warden.app.support.LimitedWardenTest;
import dev.warden.app.support.Prompt;
import dev.warden.app.support.LoopbackClients;
import dev.warden.app.support.SlowBodies;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clients that send a request body a byte at a time (a slow-loris attack) on an instance with 40
 * request threads, 8 of them kept for health, at most 10 requests in flight per client address and
 * a 2 s body deadline: the slow ones are cut off at the deadline, the excess is refused at once,
 * and health and the API keep answering meanwhile.
 */
@LimitedWardenTest
class SlowClientsIT {

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BYTE_EVERY = Duration.ofMillis(200);

    @LocalServerPort
    int port;

    @BeforeEach
    void needsSeveralClientAddresses() {
        assumeTrue(LoopbackClients.severalLoopbackAddresses(), "the test plays several clients from 127.0.0.x");
    }

    @Test
    void slowBodiesFromOneClientStallNeitherHealthNorTheApi() throws Exception {
        Api admin = Api.admin(port);
        try (SlowBodies slow = SlowBodies.start(port, "/api/sessions", 120, BYTE_EVERY, LoopbackClients.loopback(2))) {
            while (!slow.allEnded()) {
                Prompt.ok("liveness", () -> admin.get("/actuator/health/liveness"));
                Prompt.ok("an authenticated API call", () -> admin.get("/api/me"));
                assertThat(slow.all()).allSatisfy(o -> assertThat(o.after()).isLessThan(BODY_TIMEOUT.plus(Prompt.BOUND)));
            }
            List<SlowBodies.Outcome> outcomes = slow.all();
            List<LoopbackClients.Answer> refused = outcomes.stream().map(SlowBodies.Outcome::answer)
                    .filter(a -> a.status() == 429).toList();
            assertThat(refused).as("beyond 10 in flight, the client is refused").hasSizeGreaterThanOrEqualTo(100)
                    .allSatisfy(a -> {
                        assertThat(a.isProblem()).as(a.head()).isTrue();
                        assertThat(a.code()).isEqualTo("TOO_MANY_CONCURRENT_REQUESTS");
                        assertThat(a.header("Retry-After")).isEqualTo("1");
                    });
            assertThat(outcomes).filteredOn(o -> o.answer().status() != 429)
                    .as("the admitted slow bodies are answered 408 (or dropped) at the deadline")
                    .isNotEmpty()
                    .allSatisfy(o -> {
                        assertThat(o.answer().status()).as(o.answer().head()).isIn(0, 408);
                        assertThat(o.after()).isGreaterThanOrEqualTo(BODY_TIMEOUT.minusMillis(100))
                                .isLessThan(BODY_TIMEOUT.plus(Duration.ofSeconds(2)));
                    })
                    .anySatisfy(o -> {
                        assertThat(o.answer().isProblem()).as(o.answer().head()).isTrue();
                        assertThat(o.answer().code()).isEqualTo("REQUEST_BODY_TIMEOUT");
                    });
        }
        assertThat(admin.post("/api/orgs", Json.object("name", "After the slow bodies")).status()).isEqualTo(201);
    }

    @Test
    void healthAnswersWhenSlowClientsFillTheApiThreads() throws Exception {
        InetAddress[] clients = IntStream.rangeClosed(3, 8).mapToObj(LoopbackClients::loopback).toArray(InetAddress[]::new);
        Api api = new Api(port);
        try (SlowBodies slow = SlowBodies.start(port, "/api/sessions", 10, BYTE_EVERY, clients)) {
            while (!slow.allEnded()) {
                Prompt.ok("liveness", () -> api.get("/actuator/health/liveness"));
                Prompt.ok("readiness", () -> api.get("/actuator/health/readiness"));
                assertThat(slow.all()).allSatisfy(o -> assertThat(o.after()).isLessThan(BODY_TIMEOUT.plus(Prompt.BOUND)));
            }
            assertThat(slow.all()).map(SlowBodies.Outcome::answer)
                    .as("32 threads take API requests; the others are refused at once")
                    .filteredOn(a -> a.status() == 503).hasSizeGreaterThanOrEqualTo(20)
                    .allSatisfy(a -> {
                        assertThat(a.code()).isEqualTo("SERVER_BUSY");
                        assertThat(a.header("Retry-After")).isEqualTo("1");
                    });
        }
        await().atMost(Prompt.BOUND).untilAsserted(() -> assertThat(api.post("/api/sessions",
                Json.object("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD)).status())
                .isEqualTo(201));
    }
}
