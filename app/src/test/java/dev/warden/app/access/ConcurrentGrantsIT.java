package dev.warden.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.WardenApplication;
import dev.warden.app.support.Api;
import dev.warden.app.support.Json;
import dev.warden.app.support.TestDatabaseInitializer;
import dev.warden.app.support.WardenTest;
import dev.warden.events.access.Permissions;
import dev.warden.testdatabase.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Many clients granting permissions to one role at once: every acknowledged grant lands, nothing fails. */
@WardenTest
class ConcurrentGrantsIT {

    @LocalServerPort
    int port;

    @Test
    void sixteenConcurrentGrantsOnOneRoleAllLand() throws Exception {
        Api api = Api.admin(port);
        grantConcurrently(api, api);
    }

    /**
     * The same through two instances on one database: their commands on the role collide on the
     * (aggregate, sequence) key, and the loser is retried from a fresh load. The second instance
     * signs in the Admin the shared database already holds.
     */
    @Test
    void concurrentGrantsThroughTwoInstancesAllLand() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(WardenApplication.class)
                .run("--server.port=0", "--warden.database.url=" + TestDatabase.url(),
                        "--warden.keys.master-key=" + TestDatabaseInitializer.MASTER_KEY,
                        "--warden.database.ssl=disable", "--warden.seed.on-start=false",
                        "--axoniq.update-checker.disabled=true")) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            grantConcurrently(Api.admin(port), Api.admin(secondPort));
        }
    }

    private void grantConcurrently(Api api, Api other) throws Exception {
        String org = api.post("/api/orgs", Json.object("name", "Concurrency Ltd")).id();
        String role = api.post("/api/orgs/" + org + "/roles", Json.object("name", "Busy")).id();
        List<String> permissions = Permissions.CATALOGUE.stream().map(p -> p.name()).limit(16).toList();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (int i = 0; i < permissions.size(); i++) {
            String permission = permissions.get(i);
            Api client = i % 2 == 0 ? api : other;
            Callable<Api.Response> grant = () -> client.put("/api/orgs/" + org + "/roles/" + role + "/permissions/"
                    + permission, null);
            futures.add(pool.submit(grant));
        }
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        Set<String> acknowledged = new java.util.HashSet<>();
        long lastPosition = 0;
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i).status() == 200) {
                acknowledged.add(permissions.get(i));
                lastPosition = Math.max(lastPosition, responses.get(i).position());
            }
        }
        assertThat(acknowledged).as("the retries absorb conflicts within one instance").hasSize(16);

        long position = lastPosition;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response read = api.get("/api/orgs/" + org + "/roles/" + role + "?minPosition=" + position);
            assertThat(read.status()).isEqualTo(200);
            Set<String> granted = new java.util.HashSet<>();
            read.json().get("permissions").forEach(p -> granted.add(p.asString()));
            assertThat(granted).containsAll(acknowledged);
        });
        Api.Response role16 = api.get("/api/orgs/" + org + "/roles/" + role);
        assertThat(role16.json().get("version").asLong()).isEqualTo(16);
        assertThat(permissions.stream().collect(Collectors.toSet())).isEqualTo(acknowledged);
    }
}
