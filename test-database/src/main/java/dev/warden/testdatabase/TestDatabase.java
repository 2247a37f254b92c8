package dev.warden.testdatabase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one real PostgreSQL of a test JVM, for the tests of every module: the server named by
 * {@code TEST_DATABASE_URL} if set, else a Testcontainers PostgreSQL where a Docker engine answers,
 * else an embedded PostgreSQL. Started once, on first use.
 *
 * <p>At JVM exit one shutdown hook first closes what {@link #closeBeforeStopping} was given (the
 * Spring contexts of the service under test, with their processors, pollers and pools), then stops
 * the server it started, so nothing still running finds its database gone.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    /** Weakly held: a context the tests closed and dropped earlier needs no closing at exit. */
    private static final Set<AutoCloseable> USERS = Collections.newSetFromMap(new WeakHashMap<>());

    private static final Map<String, String> OWN_DATABASES = new HashMap<>();
    private static final Set<String> MIGRATED = new HashSet<>();

    private static Server server;

    private TestDatabase() {
    }

    /** The database URL in the form {@code DATABASE_URL} takes ({@code postgresql://user:password@host:port/db}). */
    public static synchronized String url() {
        if (server == null) {
            server = Server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::shutDown, "test-database-shutdown"));
        }
        return server.url();
    }

    /**
     * A database of its own for {@code purpose} on the same server, named after the test database
     * ({@code <database>_<purpose>}) and created on first use: for tests whose rows the others must
     * not see, or whose outage must not reach them.
     */
    public static synchronized String url(String purpose) {
        return OWN_DATABASES.computeIfAbsent(purpose, p -> DatabaseUrl.create(url(), p));
    }

    /** A data source on the database {@code url} names (a new connection per call; tests need no pool). */
    public static DataSource dataSource(String url) {
        return DatabaseUrl.parse(url).dataSource(null);
    }

    /**
     * A data source on the database {@code url} names whose connections' {@code search_path} is
     * {@code schema} alone, so unqualified table names mean that schema's tables.
     */
    public static DataSource dataSource(String url, String schema) {
        return DatabaseUrl.parse(url).dataSource(schema);
    }

    /** A data source on the database {@code url} names, with the project's migrations applied (once per JVM). */
    public static synchronized DataSource migrated(String url) {
        DataSource dataSource = dataSource(url);
        if (MIGRATED.add(url)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        return dataSource;
    }

    /**
     * Has {@code user} (a Spring context on this database, say) closed at JVM exit before the
     * database stops, unless it is closed and gone by then.
     */
    public static void closeBeforeStopping(AutoCloseable user) {
        synchronized (USERS) {
            USERS.add(user);
        }
    }

    private static void shutDown() {
        List<AutoCloseable> users;
        synchronized (USERS) {
            users = new ArrayList<>(USERS);
        }
        for (AutoCloseable user : users) {
            try {
                user.close();
            } catch (Exception e) {
                log.warn("Could not close {} before stopping the test database", user, e);
            }
        }
        Server started;
        synchronized (TestDatabase.class) {
            started = server;
        }
        started.stop().run();
    }
}
