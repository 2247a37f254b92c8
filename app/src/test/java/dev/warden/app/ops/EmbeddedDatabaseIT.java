package dev.warden.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.WardenApplication;
import dev.warden.app.support.Api;
import dev.warden.app.support.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run: no DATABASE_URL, an embedded PostgreSQL under the data directory. Data survives a
 * restart, the server runs with durable settings, a hard kill of the service leaves no lasting
 * harm, and a clean stop takes the database down too.
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDir;

    private Process service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor();
        }
    }

    @Test
    void keepsDataAcrossAHardKillAndStopsCleanly() throws Exception {
        int port = freePort();
        service = start(port);
        Api api = awaitReady(port);
        String token = api.signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        Api.Response created = api.withToken(token).post("/api/orgs", Json.object("name", "Durable"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        service.destroyForcibly().waitFor();
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        assertThat(pidFile).as("the killed service left its database running").exists();

        service = start(port);
        api = awaitReady(port).withToken(token);
        Api.Response read = api.get("/api/orgs/" + created.id() + "?minPosition=" + created.position());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Durable");
        assertThat(serverSettings(pidFile)).containsExactly("on", "on");

        service.destroy();
        assertThat(service.waitFor()).isIn(0, 143);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pidFile).doesNotExist());
    }

    private Process start(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WardenApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service-" + System.nanoTime() + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DATABASE_") || k.startsWith("WARDEN_"));
        builder.environment().put("WARDEN_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", Integer.toString(port));
        // The first start bootstraps this Admin on the empty database; the restart finds it there.
        builder.environment().put("WARDEN_BOOTSTRAP_ADMIN_EMAIL", Api.ADMIN_EMAIL);
        builder.environment().put("WARDEN_BOOTSTRAP_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        return builder.start();
    }

    private Api awaitReady(int port) {
        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(service.isAlive()).as("the service is running").isTrue();
                    assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
                });
        return api;
    }

    /** fsync and synchronous_commit of the running embedded server, read through its own port. */
    private static List<String> serverSettings(Path pidFile) throws Exception {
        int port = Integer.parseInt(Files.readAllLines(pidFile).get(3).strip());
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
            try (ResultSet fsync = connection.createStatement().executeQuery("SHOW fsync")) {
                fsync.next();
                String first = fsync.getString(1);
                try (ResultSet sync = connection.createStatement().executeQuery("SHOW synchronous_commit")) {
                    sync.next();
                    return List.of(first, sync.getString(1));
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
