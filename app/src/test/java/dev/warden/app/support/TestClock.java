package dev.warden.app.support;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    /**
     * Waits until every time-driven command due at the moved clock has been sent, then goes back to
     * the real time: a command sent after that would find its thing not yet due and end undone.
     */
    public static void settleDueCommandsAndReset(JdbcClient jdbc, Clock clock) {
        Instant moved = clock.instant();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                            "SELECT count(*) FROM due_commands WHERE due_at <= ?").param(Timestamp.from(moved))
                    .query(Long.class).single() == 0);
        } finally {
            reset();
        }
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
