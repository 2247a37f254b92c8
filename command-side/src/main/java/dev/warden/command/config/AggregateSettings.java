package dev.warden.command.config;

import dev.warden.command.support.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Aggregates kept in memory between commands ({@code warden.aggregates}): at most {@code cacheSize}. */
@ConfigurationProperties("warden.aggregates")
record AggregateSettings(int cacheSize) {

    AggregateSettings {
        SettingChecks.atLeast("warden.aggregates.cache-size", cacheSize, 0);
    }
}
