package dev.warden.app.ops;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.DatabaseProxy;
import dev.warden.app.support.ExpectedOutageLogs;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.LimitedWardenInitializer;
import dev.warden.app.support.LimitedWardenTest;
import dev.warden.app.support.Prompt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.warden.keys.DataKeys;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database goes away under load and comes back (connections dropped, new ones refused, as in a
 * PostgreSQL restart), on an instance whose pool waits 1 s for a connection and whose readiness
 * check waits 1 s: commands in flight and new requests answer 503 DATABASE_UNAVAILABLE with
 * Retry-After (never 500, never a word about SQL or connections), readiness says DOWN promptly,
 * and once the database is back everything works again, by itself, with nothing lost or half-written.
 * What the pool and Axon log about the lost connections is expected here, one line each.
 */
@LimitedWardenTest
@ExtendWith(ExpectedOutageLogs.class)
class DatabaseOutageIT {

    private static final Duration READINESS_BOUND = Duration.ofSeconds(3);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataKeys keys;

    @Test
    void anOutageAnswers503AndTheServiceRecoversByItself() throws Exception {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String tag = Fixtures.unique();
        DatabaseProxy database = LimitedWardenInitializer.database();
        Map<String, Integer> roles = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<CompletableFuture<Void>> writers = List.of(1, 2).stream().map(w -> CompletableFuture.runAsync(() -> {
            for (int n = 0; writing.get(); n++) {
                String name = "outage-" + tag + "-" + w + "-" + n;
                Api.Response created = admin.post("/api/orgs/" + orgId + "/roles", Json.object("name", name));
                roles.put(name, created.status());
                if (created.status() != 201) {
                    assertUnavailable(created);
                }
            }
        }, clients)).toList();
        String inFlightEmail = "in-flight-" + tag + "@example.com";
        String newEmail = "during-" + tag + "@example.com";
        try {
            await().atMost(Prompt.BOUND).until(() -> roles.containsValue(201));
            database.hold();
            CompletableFuture<Api.Response> inFlight = CompletableFuture.supplyAsync(
                    () -> admin.post("/api/orgs/" + orgId + "/users", user(inFlightEmail)), clients);
            await().atMost(Prompt.BOUND).until(() -> database.heldBytes() > 0);
            await().during(Duration.ofMillis(300)).atMost(Prompt.BOUND).until(() -> !inFlight.isDone());
            database.cut();

            assertUnavailable(inFlight.get(Prompt.BOUND.toSeconds(), TimeUnit.SECONDS));
            assertUnavailable(Prompt.within(Prompt.BOUND, "a new command",
                    () -> admin.post("/api/orgs/" + orgId + "/users", user(newEmail))));
            assertUnavailable(Prompt.within(Prompt.BOUND, "a query", () -> admin.get("/api/orgs/" + orgId)));
            await().atMost(Prompt.BOUND).untilAsserted(() -> {
                Api.Response readiness = Prompt.within(READINESS_BOUND, "readiness",
                        () -> admin.anonymous().get("/actuator/health/readiness"));
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
            });
            Prompt.ok("liveness", () -> admin.anonymous().get("/actuator/health/liveness"));
        } finally {
            writing.set(false);
            database.restore();
            clients.shutdown();
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(roles).as("some writes were caught by the outage").containsValue(503);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(admin.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200));
        // Readiness checks on its own connection; the pool may still be reconnecting, so a command may
        // answer 503 (nothing stored) for a moment after: recovery needs nobody, but not no time.
        AtomicReference<Api.Response> recovered = new AtomicReference<>();
        List<Integer> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response attempt = admin.post("/api/orgs/" + orgId + "/users",
                    user("after-" + tag + "-" + Fixtures.unique() + "@example.com"));
            attempts.add(attempt.status());
            assertThat(attempt.status()).as(attempt.body()).isEqualTo(201);
            recovered.set(attempt);
        });
        assertThat(attempts).as("while the pool reconnects: 503, never anything else").allMatch(
                status -> status == 201 || status == 503);
        Api.Response after = recovered.get();
        assertThat(admin.get("/api/orgs/" + orgId + "/members/" + after.id() + "?minPosition=" + after.position())
                .status()).isEqualTo(200);

        roles.forEach((name, status) -> {
            long claimed = count("SELECT count(*) FROM command_unique_names WHERE scope = ? AND key = ?",
                    "role-name:" + orgId, name);
            long logged = count("SELECT count(*) FROM domain_event_entry WHERE payload_type = ? AND payload->>'name' = ?",
                    "dev.warden.events.access.RoleCreatedEvent", name);
            long projected = count("SELECT count(*) FROM roles WHERE organization_id = ? AND name = ?", orgId, name);
            assertThat(claimed).as(name + " answered " + status).isEqualTo(status == 201 ? 1L : claimed).isIn(0L, 1L);
            assertThat(List.of(logged, projected)).as(name + " in the log and the read model, as claimed")
                    .containsOnly(claimed);
        });
        for (String email : List.of(inFlightEmail, newEmail)) {
            String hash = keys.keyedHash("index:email", email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            long claimed = count("SELECT count(*) FROM command_unique_names WHERE scope = 'user-email-hash' AND key = ?",
                    hash);
            long logged = count("SELECT count(*) FROM domain_event_entry e JOIN command_unique_names c ON "
                            + "c.owner_id = e.aggregate_identifier WHERE e.payload_type = ? AND c.scope = 'user-email-hash' "
                            + "AND c.key = ?", "dev.warden.events.identity.UserRegisteredEvent", hash);
            long projected = count("SELECT count(*) FROM users WHERE email = ?", email);
            assertThat(claimed).as(email + " claimed").isIn(0L, 1L);
            assertThat(List.of(logged, projected)).as(email + " in the log and the read model, as claimed")
                    .containsOnly(claimed);
        }
        assertThat(admin.post("/api/orgs/" + orgId + "/users", user(newEmail)).status())
                .as("a registration refused during the outage left no claim behind").isEqualTo(201);
    }

    private static void assertUnavailable(Api.Response response) {
        assertProblem(response, 503, "DATABASE_UNAVAILABLE");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.body().toLowerCase()).doesNotContain("sql", "jdbc", "postgres", "connection", "select");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static Map<String, Object> user(String email) {
        return Json.object("email", email, "displayName", "Outage user", "password", Api.USER_PASSWORD);
    }
}
