package dev.warden.command.access;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Access requests ({@code warden.access-requests}): a pending one expires after {@code ttl} undecided. */
@ConfigurationProperties("warden.access-requests")
public record AccessRequestSettings(Duration ttl) {

    public AccessRequestSettings {
        SettingChecks.positive("warden.access-requests.ttl", ttl);
    }
}
