package dev.warden.app.database;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Database settings ({@code warden.database}): {@code url}/{@code ssl}/{@code poolSize} come from
 * {@code DATABASE_URL}, {@code DATABASE_SSL} and {@code DATABASE_POOL_SIZE}. With no URL, an
 * embedded PostgreSQL keeps its files under {@code embedded.dataDir}. {@code connectionTimeout}
 * bounds how long a request waits for a connection (and a new connection for the server),
 * {@code healthTimeout} how long the readiness check waits for the database; {@code connectionGuard}
 * fails a unit of work that asks for a second pooled connection ({@link ConnectionGuard}).
 */
@ConfigurationProperties("warden.database")
public record DatabaseProperties(String url, String ssl, int poolSize, Duration connectionTimeout,
                                 Duration healthTimeout, boolean connectionGuard, Embedded embedded) {

    public DatabaseProperties {
        SettingChecks.atLeast("warden.database.pool-size", poolSize, 1);
        SettingChecks.positive("warden.database.connection-timeout", connectionTimeout);
        SettingChecks.positive("warden.database.health-timeout", healthTimeout);
    }

    /** The embedded default database. */
    public record Embedded(String dataDir, boolean durable) {
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
