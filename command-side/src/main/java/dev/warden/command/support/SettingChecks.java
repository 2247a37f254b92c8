package dev.warden.command.support;

import java.time.Duration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * The range checks of settings records ({@code @ConfigurationProperties}), for their compact
 * constructors: a value that would misbehave stops the start with a message naming the property.
 * Defaults live in {@code application.yml} only, so a value here is never missing unless an
 * environment variable sets it empty, which is refused the same way.
 */
public final class SettingChecks {

    private SettingChecks() {
    }

    /** Refuses a missing, zero or negative duration. */
    public static void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidConfigurationPropertyValueException(property, value, "must be a positive duration");
        }
    }

    /** Refuses a missing, zero or negative size. */
    public static void positive(String property, DataSize value) {
        if (value == null || value.toBytes() <= 0) {
            throw new InvalidConfigurationPropertyValueException(property, value, "must be a positive size");
        }
    }

    /** Refuses a number below {@code least}. */
    public static void atLeast(String property, int value, int least) {
        if (value < least) {
            throw new InvalidConfigurationPropertyValueException(property, value, "must be at least " + least);
        }
    }
}
