package dev.warden.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The metrics endpoint ({@code warden.metrics}): when {@code token} is not blank,
 * {@code /actuator/prometheus} needs it as a bearer token.
 */
@ConfigurationProperties("warden.metrics")
record MetricsSettings(String token) {

    /** Whether the endpoint needs a token. */
    boolean guarded() {
        return token != null && !token.isBlank();
    }
}
