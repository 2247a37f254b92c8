package dev.warden.app.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings: {@code url}/{@code ssl}/{@code poolSize} come from {@code DATABASE_URL},
 * {@code DATABASE_SSL} and {@code DATABASE_POOL_SIZE}. With no URL, an embedded PostgreSQL keeps
 * its files under {@code embedded.dataDir}. {@code connectionTimeout} bounds how long a request
 * waits for a connection (and a new connection for the server), {@code healthTimeout} how long the
 * readiness check waits for the database.
 */
@ConfigurationProperties("warden.database")
public record DatabaseProperties(String url, String ssl, @DefaultValue("10") int poolSize,
                                 @DefaultValue("5s") Duration connectionTimeout,
                                 @DefaultValue("2s") Duration healthTimeout,
                                 @DefaultValue Embedded embedded) {

    /** The embedded default database. */
    public record Embedded(@DefaultValue("./data") String dataDir, @DefaultValue("true") boolean durable) {
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
