package dev.warden.app.ops;

import dev.warden.query.support.Positions;
import dev.warden.query.support.ProjectionProgress;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the log and the projections, refreshed every second from the database (so a scrape
 * costs nothing): {@code warden.log.head.position}, and per processor
 * {@code warden.projection.lag.events} (head minus the slowest segment) and
 * {@code warden.projection.lag.seconds} (age of the oldest event not yet handled).
 */
@Component
class ProjectionMetrics {

    private final JdbcClient jdbc;
    private final ObjectProvider<ProjectionProgress> progress;
    private final MeterRegistry meters;
    private final AtomicLong head = new AtomicLong();
    private final Map<String, AtomicLong> lagEvents = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lagMillis = new ConcurrentHashMap<>();

    ProjectionMetrics(JdbcClient jdbc, ObjectProvider<ProjectionProgress> progress, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.meters = meters;
        Gauge.builder("warden.log.head.position", head, AtomicLong::get)
                .description("Global index of the newest event in the log").register(meters);
    }

    @Scheduled(fixedDelayString = "${warden.metrics.refresh}", initialDelayString = "${warden.metrics.refresh}")
    void refresh() {
        long headPosition = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")
                .query(Long.class).single();
        head.set(headPosition);
        ProjectionProgress projections = progress.getIfAvailable();
        if (projections == null) {
            return;
        }
        for (Map.Entry<String, List<TrackingToken>> entry : projections.tokens().entrySet()) {
            long slowest = entry.getValue().stream()
                    .mapToLong(t -> Positions.lowerBound(t).orElse(0))
                    .min().orElse(0);
            long behind = Math.max(0, headPosition - slowest);
            gauge(lagEvents, "warden.projection.lag.events", "Events in the log the processor has not handled",
                    entry.getKey(), 1).set(behind);
            long millis = 0;
            if (behind > 0) {
                Instant oldest = jdbc.sql("""
                                SELECT time_stamp FROM domain_event_entry WHERE global_index > ?
                                ORDER BY global_index LIMIT 1""")
                        .param(slowest).query(java.sql.Timestamp.class).optional()
                        .map(java.sql.Timestamp::toInstant).orElse(Instant.now());
                millis = Math.max(0, Duration.between(oldest, Instant.now()).toMillis());
            }
            gauge(lagMillis, "warden.projection.lag.seconds", "Age of the oldest event the processor has not handled",
                    entry.getKey(), 1000).set(millis);
        }
    }

    private AtomicLong gauge(Map<String, AtomicLong> gauges, String name, String description, String processor,
                             double divisor) {
        return gauges.computeIfAbsent(processor, p -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, v -> v.get() / divisor)
                    .description(description)
                    .tag("processor", p)
                    .register(meters);
            return value;
        });
    }
}
