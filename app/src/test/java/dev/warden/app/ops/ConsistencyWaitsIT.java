package dev.warden.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.LimitedWardenTest;
import dev.warden.app.support.Prompt;
import dev.warden.app.support.LoopbackClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many queries waiting for their own writes (minPosition) on an instance with 40 request threads,
 * a pool of 4 connections, 8 waits allowed at once and a 10 s wait: the excess is answered 503
 * with Retry-After at once, the waits hold no pooled connection, and health and the API answer
 * promptly meanwhile. The waits end as soon as the position is written.
 */
@LimitedWardenTest
class ConsistencyWaitsIT {

    private static final int WAITS = 40;

    @LocalServerPort
    int port;

    @Test
    void waitsBeyondTheCapAreRefusedAtOnceAndHealthStaysPrompt() throws Exception {
        assumeTrue(LoopbackClients.severalLoopbackAddresses(), "the test plays several clients from 127.0.0.x");
        Api admin = Api.admin(port);
        String token = new Api(port).signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        Api.Response org = Fixtures.organization(admin);
        long next = org.position() + 1;

        ExecutorService clients = Executors.newFixedThreadPool(WAITS);
        try {
            List<CompletableFuture<LoopbackClients.Answer>> waits = new ArrayList<>();
            for (int i = 0; i < WAITS; i++) {
                // Four clients of ten requests each, all within the per-client limit.
                var from = LoopbackClients.loopback(10 + i % 4);
                waits.add(CompletableFuture.supplyAsync(
                        () -> LoopbackClients.get(from, port, "/api/me?minPosition=" + next, token), clients));
            }
            await().atMost(Prompt.BOUND).until(() -> waits.stream().filter(CompletableFuture::isDone).count() >= WAITS - 8);
            Prompt.ok("liveness", () -> admin.get("/actuator/health/liveness"));
            Prompt.ok("an API call that needs the database", () -> admin.get("/api/orgs/" + org.id()));
            assertThat(waits.stream().filter(w -> !w.isDone()).count()).as("the admitted waits still wait")
                    .isPositive().isLessThanOrEqualTo(8);

            Fixtures.organization(admin);
            await().atMost(Prompt.BOUND).until(() -> waits.stream().allMatch(CompletableFuture::isDone));
            List<LoopbackClients.Answer> answers = waits.stream().map(CompletableFuture::join).toList();
            assertThat(answers).filteredOn(a -> a.status() == 200).as("the waits end when the position is written")
                    .hasSizeBetween(1, 8);
            assertThat(answers).filteredOn(a -> a.status() != 200)
                    .allSatisfy(a -> {
                        assertThat(a.status()).as(a.head()).isEqualTo(503);
                        assertThat(a.isProblem()).isTrue();
                        assertThat(a.code()).isIn("CONSISTENCY_WAITS_FULL", "SERVER_BUSY");
                        assertThat(a.header("Retry-After")).isEqualTo("1");
                    })
                    .anySatisfy(a -> assertThat(a.code()).isEqualTo("CONSISTENCY_WAITS_FULL"));
        } finally {
            clients.shutdownNow();
        }
    }
}
