package dev.warden.command.config;

import dev.warden.command.support.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Aggregate snapshots ({@code warden.snapshots}): one after {@code every} events since the last. */
@ConfigurationProperties("warden.snapshots")
record SnapshotSettings(int every) {

    SnapshotSettings {
        SettingChecks.atLeast("warden.snapshots.every", every, 1);
    }
}
