package dev.warden.command.config;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How commands are sent ({@code warden.commands}): how often a command that lost a race is retried
 * ({@code concurrencyRetries}), the longest its transaction waits for a database lock
 * ({@code lockTimeout}), and the longest it waits for the earlier commands on its aggregate before
 * it takes a connection ({@code queueTimeout}).
 */
@ConfigurationProperties("warden.commands")
public record CommandSettings(int concurrencyRetries, Duration lockTimeout, Duration queueTimeout) {

    public CommandSettings {
        SettingChecks.atLeast("warden.commands.concurrency-retries", concurrencyRetries, 0);
        SettingChecks.positive("warden.commands.lock-timeout", lockTimeout);
        SettingChecks.positive("warden.commands.queue-timeout", queueTimeout);
    }
}
