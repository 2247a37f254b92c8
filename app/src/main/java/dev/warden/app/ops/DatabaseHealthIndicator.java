package dev.warden.app.ops;

import com.zaxxer.hikari.HikariDataSource;
import dev.warden.app.database.DatabaseProperties;
import dev.warden.app.database.DedicatedConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The readiness check of the database ({@code db}, in place of Spring Boot's): a query on a
 * connection of its own, outside the pool, where nothing waits longer than
 * {@code warden.database.health-timeout}. A busy pool therefore does not make the instance look
 * down, and a database that is down is reported within that time, not after the pool's wait.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator, DisposableBean {

    private final HikariDataSource pool;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    DatabaseHealthIndicator(HikariDataSource pool, DatabaseProperties properties) {
        this.pool = pool;
        this.timeout = properties.healthTimeout();
    }

    @Override
    public Health health() {
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Health.down().withDetail("reason", "the previous check has not finished").build();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        }
        try {
            if (connection == null) {
                connection = DedicatedConnection.open(pool, "warden-health", timeout);
            }
            if (connection.isValid((int) Math.max(1, timeout.toSeconds()))) {
                return Health.up().build();
            }
            drop();
            return Health.down().build();
        } catch (SQLException e) {
            drop();
            return Health.down().withDetail("sqlState", String.valueOf(e.getSQLState())).build();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void destroy() {
        lock.lock();
        try {
            drop();
        } finally {
            lock.unlock();
        }
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it is broken already
            }
            connection = null;
        }
    }
}
