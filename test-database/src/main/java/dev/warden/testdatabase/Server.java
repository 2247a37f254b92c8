package dev.warden.testdatabase;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The server the tests run on, and how to stop it (nothing to stop for one named by {@code TEST_DATABASE_URL}). */
record Server(String url, Runnable stop) {

    private static final Logger log = LoggerFactory.getLogger(Server.class);

    /** {@code TEST_DATABASE_URL} if set, else a container where Docker answers, else an embedded PostgreSQL. */
    static Server start() {
        String given = System.getenv("TEST_DATABASE_URL");
        if (given != null && !given.isBlank()) {
            log.info("The tests run on the PostgreSQL TEST_DATABASE_URL names");
            return new Server(given.startsWith("jdbc:") ? given.substring("jdbc:".length()) : given, () -> {
            });
        }
        return dockerAvailable() ? container() : embedded();
    }

    private static Server container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17.6-alpine");
        container.start();
        log.info("The tests run on a Testcontainers PostgreSQL");
        return new Server("postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
                + container.getHost() + ":" + container.getFirstMappedPort() + "/" + container.getDatabaseName(),
                container::stop);
    }

    private static Server embedded() {
        try {
            // Its own shutdown hook would stop it while the JVM's other hooks still use it.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            log.info("The tests run on an embedded PostgreSQL (no TEST_DATABASE_URL, no Docker engine)");
            return new Server("postgresql://postgres@localhost:" + postgres.getPort() + "/postgres", () -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL for the tests", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
