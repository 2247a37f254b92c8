package dev.warden.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL of a test JVM, as a {@code DATABASE_URL}: the server named by
 * {@code TEST_DATABASE_URL} if set, else a Testcontainers PostgreSQL where a Docker engine answers,
 * else an embedded PostgreSQL. Started once, on first use, and stopped when the JVM exits.
 */
public final class TestDatabase {

    private static String url;

    private TestDatabase() {
    }

    /** The database URL in the form {@code DATABASE_URL} takes. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    private static String start() {
        String given = System.getenv("TEST_DATABASE_URL");
        if (given != null && !given.isBlank()) {
            return given.startsWith("jdbc:") ? given.substring("jdbc:".length()) : given;
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17.6-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return "postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
                    + container.getHost() + ":" + container.getFirstMappedPort() + "/" + container.getDatabaseName();
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
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
