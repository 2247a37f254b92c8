package dev.warden.app.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in tests: the real time plus an offset a test may move forward (to let a
 * lockout or an access request run out) and must {@link #reset()} afterwards. Session expiry is
 * judged by the database's clock and does not move with it.
 */
public final class TestClock extends Clock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    /** Moves the service's time forward by {@code amount}. */
    public static void advance(Duration amount) {
        OFFSET.updateAndGet(d -> d.plus(amount));
    }

    /** Back to the real time. */
    public static void reset() {
        OFFSET.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(OFFSET.get());
    }

    /** Registers the clock in the service under test. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        Clock testClock() {
            return new TestClock();
        }
    }
}
