package dev.warden.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query side's tests' database: one embedded PostgreSQL per test JVM with the real migrations,
 * started on first use. Tests use fresh ids, so they share it without cleaning up.
 */
public final class ReadModelDatabase {

    private static final AtomicLong POSITIONS = new AtomicLong(1_000);

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private ReadModelDatabase() {
    }

    /** A client on the migrated database. */
    public static synchronized JdbcClient jdbc() {
        if (dataSource == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
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

    /**
     * A data source on the same database whose connections' {@code search_path} is {@code schema}
     * alone, so unqualified table names mean that schema's tables.
     */
    public static synchronized DataSource inSchema(String schema) {
        jdbc();
        return postgres.getDatabase("postgres", "postgres", Map.of("currentSchema", schema));
    }

    /** An event logged at {@code at}, at a position no earlier test has used: later calls give later positions. */
    public static Logged next(Instant at) {
        return new Logged(nextPosition(), at);
    }

    /** Runs {@code work} as a processor runs a batch: in one unit of work whose queued writes land at its commit. */
    public static void batch(Runnable work) {
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch")).execute(work);
    }

    /** A log position no earlier test has used, to hand an event at it more than once. */
    public static long nextPosition() {
        return POSITIONS.incrementAndGet();
    }

    /**
     * A projection or query bean on this database. Their constructors are package-private, for
     * Spring to call (and tests of any package, through this).
     */
    public static <T> T bean(Class<T> type) {
        jdbc();
        return bean(type, dataSource);
    }

    /**
     * A projection writing through {@code target} (its writes run at once outside a unit of work),
     * or a query bean reading through it.
     */
    public static <T> T bean(Class<T> type, DataSource target) {
        try {
            try {
                Constructor<T> constructor = type.getDeclaredConstructor(ProjectionWrites.class);
                constructor.setAccessible(true);
                return constructor.newInstance(new ProjectionWrites(new JdbcTemplate(target)));
            } catch (NoSuchMethodException e) {
                Constructor<T> constructor = type.getDeclaredConstructor(JdbcClient.class);
                constructor.setAccessible(true);
                return constructor.newInstance(JdbcClient.create(target));
            }
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException("Cannot build " + type.getName() + " on " + target, e);
        }
    }
}
