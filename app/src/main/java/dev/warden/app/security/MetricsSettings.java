package dev.warden.app.security;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The metrics ({@code warden.metrics}): when {@code token} is not blank, {@code /actuator/prometheus}
 * needs it as a bearer token; {@code refresh} is how often the projection gauges are read again.
 */
@ConfigurationProperties("warden.metrics")
record MetricsSettings(String token, Duration refresh) {

    MetricsSettings {
        SettingChecks.positive("warden.metrics.refresh", refresh);
    }

    /** Whether the endpoint needs a token. */
    boolean guarded() {
        return token != null && !token.isBlank();
    }
}
