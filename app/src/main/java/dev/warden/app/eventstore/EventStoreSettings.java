package dev.warden.app.eventstore;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The event store ({@code warden.events}): {@code pollInterval} bounds how late a tracker sees an
 * append that no notification announced.
 */
@ConfigurationProperties("warden.events")
record EventStoreSettings(Duration pollInterval) {

    EventStoreSettings {
        SettingChecks.positive("warden.events.poll-interval", pollInterval);
    }
}
