package dev.warden.app.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
}
