package dev.warden.query.support;

import dev.warden.keys.DataKeys;
import dev.warden.keys.KeysProperties;
import dev.warden.keys.MasterKeySource;
import java.util.Arrays;
import java.util.Optional;
import dev.warden.testdatabase.TestDatabase;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query side's tests' database: one of its own on the test JVM's one PostgreSQL
 * ({@link TestDatabase}), with the real migrations, so the service's tests on the same server never
 * see these rows. Tests use fresh ids, so they share it without cleaning up.
 */
public final class ReadModelDatabase {

    private static final AtomicLong POSITIONS = new AtomicLong(1_000);
    /** The master key of the query side's tests (fixed, so keys made by an earlier run on a kept server still unwrap). */
    private static final String MASTER_KEY = "cXVlcnktc2lkZS10ZXN0cy1tYXN0ZXIta2V5LTMyISE=";

    /** One instance for every bean, as in a process: its memory of keys is shared. */
    private static DataKeys dataKeys;

    private ReadModelDatabase() {
    }

    /** A client on the migrated database. */
    public static JdbcClient jdbc() {
        return JdbcClient.create(migrated());
    }

    /**
     * A data source on the same database whose connections' {@code search_path} is {@code schema}
     * alone, so unqualified table names mean that schema's tables.
     */
    public static DataSource inSchema(String schema) {
        migrated();
        return TestDatabase.dataSource(TestDatabase.url("read_models"), schema);
    }

    /** An event logged at {@code at}, at a position no earlier test has used: later calls give later positions. */
    public static Logged next(Instant at) {
        return new Logged(nextPosition(), at);
    }

    /** Runs {@code work} as a processor runs a batch: in one unit of work whose queued writes land at its commit. */
    public static void batch(Runnable work) {
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch")).execute(work);
    }

    /**
     * One {@link ProjectionWrites} on this database, for projections that must share it as the beans of a
     * processing group do: in a batch, their writes then go into one queue, planned together.
     */
    public static ProjectionWrites writes() {
        return new ProjectionWrites(new JdbcTemplate(migrated()));
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
        return bean(type, migrated());
    }

    /**
     * The data keys of the tests, one instance (in the database's default schema, under a fixed test master key), for a
     * projection's helper that decrypts: {@link DataKeys} itself, or a bean taking it.
     */
    public static synchronized DataKeys dataKeys() {
        if (dataKeys == null) {
            dataKeys = new DataKeys(JdbcClient.create(migrated()),
                    new MasterKeySource(new KeysProperties(MASTER_KEY, "", "unused"), false));
        }
        return dataKeys;
    }

    private static Object onDataKeys(Class<?> type) throws ReflectiveOperationException {
        if (type == DataKeys.class) {
            return dataKeys();
        }
        Constructor<?> constructor = type.getDeclaredConstructor(DataKeys.class);
        constructor.setAccessible(true);
        return constructor.newInstance(dataKeys());
    }

    private static DataSource migrated() {
        return TestDatabase.migrated(TestDatabase.url("read_models"));
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
                Optional<Constructor<?>> withKeys = Arrays.stream(type.getDeclaredConstructors())
                        .filter(c -> c.getParameterCount() == 2 && c.getParameterTypes()[0] == ProjectionWrites.class)
                        .findFirst();
                if (withKeys.isPresent()) {
                    withKeys.get().setAccessible(true);
                    return type.cast(withKeys.get().newInstance(new ProjectionWrites(new JdbcTemplate(target)),
                            onDataKeys(withKeys.get().getParameterTypes()[1])));
                }
                Constructor<T> constructor = type.getDeclaredConstructor(JdbcClient.class);
                constructor.setAccessible(true);
                return constructor.newInstance(JdbcClient.create(target));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getName() + " on " + target, e);
        }
    }
}
