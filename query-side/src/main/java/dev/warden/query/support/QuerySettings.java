package dev.warden.query.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The wait for log positions ({@code warden.query}): how long a request waits for the projections
 * ({@code maxConsistencyWait}) and how many requests may wait at once ({@code maxConsistencyWaiters}).
 */
@ConfigurationProperties("warden.query")
record QuerySettings(Duration maxConsistencyWait, int maxConsistencyWaiters) {

    QuerySettings {
        if (maxConsistencyWait == null || maxConsistencyWait.isNegative() || maxConsistencyWait.isZero()) {
            throw new InvalidConfigurationPropertyValueException("warden.query.max-consistency-wait",
                    maxConsistencyWait, "must be a positive duration");
        }
        if (maxConsistencyWaiters < 1) {
            throw new InvalidConfigurationPropertyValueException("warden.query.max-consistency-waiters",
                    maxConsistencyWaiters, "must be at least 1");
        }
    }
}
