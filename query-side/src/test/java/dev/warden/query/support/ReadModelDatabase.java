package dev.warden.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query side's tests' database: one embedded PostgreSQL per test JVM with the real migrations,
 * started on first use. Tests use fresh ids, so they share it without cleaning up.
 */
public final class ReadModelDatabase {

    private static final AtomicLong POSITIONS = new AtomicLong(1_000);

    private static DataSource dataSource;

    private ReadModelDatabase() {
    }

    /** A client on the migrated database. */
    public static synchronized JdbcClient jdbc() {
        if (dataSource == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                dataSource = postgres.getPostgresDatabase();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start an embedded PostgreSQL for the tests", e);
            }
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        return JdbcClient.create(dataSource);
    }

    /** A token at a log position no earlier test has used: later calls give later positions. */
    public static TrackingToken nextToken() {
        return new GlobalSequenceTrackingToken(POSITIONS.incrementAndGet());
    }

    /** A token at a given position, to hand an event again. */
    public static TrackingToken token(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    /**
     * A projection or query bean on this database. Their constructors are package-private, for
     * Spring to call (and tests of any package, through this).
     */
    public static <T> T bean(Class<T> type) {
        try {
            JdbcClient client = jdbc();
            try {
                Constructor<T> constructor = type.getDeclaredConstructor(JdbcClient.class);
                constructor.setAccessible(true);
                return constructor.newInstance(client);
            } catch (NoSuchMethodException e) {
                // Batched projections also take the queue of writes (which runs at once outside a unit of work).
                Constructor<T> constructor = type.getDeclaredConstructor(ProjectionWrites.class, JdbcClient.class);
                constructor.setAccessible(true);
                return constructor.newInstance(new ProjectionWrites(new JdbcTemplate(dataSource)), client);
            }
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException("Cannot build " + type.getName() + " on a JdbcClient", e);
        }
    }
}
