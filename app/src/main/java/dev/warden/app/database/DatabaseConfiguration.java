package dev.warden.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: the server {@code DATABASE_URL} names, or else an embedded PostgreSQL under
 * {@code ./data} with durable settings. The embedded server is a bean the pool depends on, so Spring
 * stops it only after Axon and the pool have let go of it.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${warden.database.url:}'.isBlank()")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        Path dir = Path.of(properties.embedded().dataDir(), "postgres").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        LeftoverPostgres.clear(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false);
        if (properties.embedded().durable()) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
            return postgres;
        } catch (IOException | IllegalStateException e) {
            throw new DatabaseStartupException("Cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage());
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgres> embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("warden");
        config.setMaximumPoolSize(properties.poolSize());
        String description;
        if (properties.external()) {
            DatabaseSettings settings = DatabaseSettings.parse(properties.url(), properties.ssl());
            settings.requireReachable();
            config.setJdbcUrl(settings.jdbcUrl());
            config.setDataSourceProperties(settings.driverProperties());
            description = settings.describe();
        } else {
            EmbeddedPostgres postgres = embedded.getObject();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.addDataSourceProperty("logServerErrorDetail", "false");
            description = "embedded PostgreSQL on port " + postgres.getPort();
        }
        boundWaits(config, properties.connectionTimeout());
        log.info("Database: {}", description);
        return properties.connectionGuard() ? new ConnectionGuard(config) : new HikariDataSource(config);
    }

    /**
     * A request waits at most {@code timeout} for a connection, and a new connection is given up after
     * that long too (a server that accepts but does not answer would otherwise hold the pool's only
     * thread that opens connections), so an outage is answered promptly and the pool recovers alone.
     */
    private static void boundWaits(HikariConfig config, Duration timeout) {
        long millis = Math.max(250, timeout.toMillis());
        config.setConnectionTimeout(millis);
        config.setValidationTimeout(Math.min(millis, 5_000));
        config.addDataSourceProperty("connectTimeout", DedicatedConnection.seconds(timeout));
        config.addDataSourceProperty("loginTimeout", DedicatedConnection.seconds(timeout));
    }
}
