package dev.warden.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings: {@code url}/{@code ssl}/{@code poolSize} come from {@code DATABASE_URL},
 * {@code DATABASE_SSL} and {@code DATABASE_POOL_SIZE}. With no URL, an embedded PostgreSQL keeps
 * its files under {@code embedded.dataDir}.
 */
@ConfigurationProperties("warden.database")
public record DatabaseProperties(String url, String ssl, @DefaultValue("10") int poolSize,
                                 @DefaultValue Embedded embedded) {

    /** The embedded default database. */
    public record Embedded(@DefaultValue("./data") String dataDir, @DefaultValue("true") boolean durable) {
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
