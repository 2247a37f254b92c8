package dev.warden.app.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** A connection of its own to the pool's database, with the pool's settings, outside the pool. */
public final class DedicatedConnection {

    private DedicatedConnection() {
    }

    /**
     * Opens a connection to the database {@code pool} connects to, with the same driver settings and
     * credentials, named {@code applicationName} in {@code pg_stat_activity}. The caller closes it.
     */
    public static Connection open(HikariDataSource pool, String applicationName) throws SQLException {
        return DriverManager.getConnection(pool.getJdbcUrl(), properties(pool, applicationName));
    }

    /**
     * Like {@link #open(HikariDataSource, String)}, for a connection on which neither opening nor any
     * read waits longer than {@code timeout} (rounded up to whole seconds).
     */
    public static Connection open(HikariDataSource pool, String applicationName, Duration timeout)
            throws SQLException {
        Properties properties = properties(pool, applicationName);
        properties.setProperty("connectTimeout", seconds(timeout));
        properties.setProperty("loginTimeout", seconds(timeout));
        properties.setProperty("socketTimeout", seconds(timeout));
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    private static Properties properties(HikariDataSource pool, String applicationName) {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        return properties;
    }

    /** {@code timeout} in whole seconds, rounded up, at least 1: how the driver's timeouts are given. */
    static String seconds(Duration timeout) {
        return Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
    }
}
