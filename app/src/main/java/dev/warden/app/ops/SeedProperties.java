package dev.warden.app.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether a command-side process seeds on start ({@code WARDEN_SEED_ON_START}). */
@ConfigurationProperties("warden.seed")
record SeedProperties(boolean onStart) {
}
