package dev.warden.app.support;

import dev.warden.app.database.DatabaseSettings;
import dev.warden.testdatabase.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Like {@link TestDatabaseInitializer}, with a database of its own on the test JVM's PostgreSQL,
 * reached through a {@link DatabaseProxy}: the limited instance neither competes with the shared one
 * for the projections nor takes it down with an outage.
 */
public class LimitedWardenInitializer extends TestDatabaseInitializer {

    private static final String DATABASE = "warden_limited";

    private static DatabaseProxy proxy;

    /** The proxy between the limited instance and its database. */
    public static synchronized DatabaseProxy database() {
        if (proxy == null) {
            URI url = URI.create(TestDatabase.url());
            proxy = DatabaseProxy.to(url.getHost(), url.getPort());
        }
        return proxy;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        createDatabase();
        URI url = URI.create(TestDatabase.url());
        String proxied = url.getScheme() + "://" + (url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@")
                + "localhost:" + database().port() + "/" + DATABASE
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        TestPropertyValues.of("warden.database.url=" + proxied).applyTo(context.getEnvironment());
    }

    private static void createDatabase() {
        DatabaseSettings server = DatabaseSettings.parse(TestDatabase.url(), "disable");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.driverProperties());
             Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + DATABASE + " for the limited instance", e);
        }
    }
}
