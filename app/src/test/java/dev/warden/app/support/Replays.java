package dev.warden.app.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Replays every projection of the service under test from the start of the log, as a rebuild does. */
public final class Replays {

    private Replays() {
    }

    /**
     * Stops every streaming processor, resets it to the start of the log and starts it again, then waits
     * until every segment has handled the log up to the head it had; answers the processors.
     */
    public static List<StreamingEventProcessor> everyProjection(EventProcessingConfiguration processing,
                                                                JdbcClient jdbc) {
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        long head = head(jdbc);
        for (StreamingEventProcessor processor : processors) {
            processor.shutDown();
            processor.resetTokens(StreamableMessageSource::createTailToken);
            processor.start();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> caughtUp(processors, head));
        return processors;
    }

    /** The position of the newest event in the log (0 for none). */
    public static long head(JdbcClient jdbc) {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    /**
     * Whether every segment of {@code processors} has handled the log up to {@code head}. (A replaying
     * segment stays "replaying" until an event beyond its reset point arrives, so that flag is not waited for.)
     */
    public static boolean caughtUp(List<StreamingEventProcessor> processors, long head) {
        return processors.stream().allMatch(p -> !p.processingStatus().isEmpty()
                && p.processingStatus().values().stream().allMatch(s -> position(s) >= head));
    }

    private static long position(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(-1L);
    }
}
