package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.warden.app.database.DedicatedConnection;
import dev.warden.app.support.WardenTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second instance on the same database sees an append of the service under test through
 * PostgreSQL's notification, long before its poll would find it. The second instance is built here
 * from the same parts as the service's own (storage engine, wakeable store, append listener, a
 * tracking processor), but polls only every 30 s, so only the notification can explain seeing the
 * event within the test's wait. It also keeps working after its listening connection is killed.
 */
@WardenTest
class AppendWakeUpIT {

    private static final Duration POLL = Duration.ofSeconds(30);
    /** Well under the poll interval: an event seen within this came through the notification. */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventStore eventStore;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private final String runId = UUID.randomUUID().toString();
    private final String listenerName = "wake-up-probe-" + runId.substring(0, 8);
    private final List<LedgerEntry> seen = new CopyOnWriteArrayList<>();
    private WakeableEventStore secondStore;
    private AppendListener secondListener;
    private TrackingEventProcessor secondProcessor;

    @AfterEach
    void stopSecondInstance() {
        if (secondProcessor != null) {
            secondProcessor.shutDown();
        }
        if (secondListener != null) {
            secondListener.stop();
        }
        if (secondStore != null) {
            secondStore.shutDown();
        }
    }

    @Test
    void appendOfAnotherInstanceWakesTheProjectionBeforeThePoll() {
        startSecondInstance();

        append(0);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(seen).extracting(LedgerEntry::sequence).containsExactly(0));

        int killed = jdbc.sql("SELECT pid FROM pg_stat_activity WHERE application_name = ?").param(listenerName)
                .query(Integer.class).single();
        jdbc.sql("SELECT pg_terminate_backend(?)").param(killed).query().singleRow();
        await().atMost(WITHIN).until(() -> secondListener.isListening() && jdbc.sql(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND pid <> ?")
                .params(listenerName, killed).query(Long.class).single() == 1);

        append(1);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(seen).extracting(LedgerEntry::sequence)
                .as("seen in order, after the listener reconnected").containsExactly(0, 1));
    }

    private void startSecondInstance() {
        secondStore = new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(POLL.toMillis()), () -> { });
        secondListener = new AppendListener(() -> DedicatedConnection.open(dataSource, listenerName), secondStore,
                Duration.ofMillis(50), Duration.ofMillis(500));
        secondListener.start();
        await().atMost(WITHIN).until(secondListener::isListening);

        secondProcessor = TrackingEventProcessor.builder()
                .name("wake-up-probe")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Probe()).build())
                .messageSource(secondStore)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .build();
        secondProcessor.start();
        // Caught up: its reader has found nothing more and waits, for the poll or a notification.
        await().atMost(WITHIN).until(() -> secondProcessor.processingStatus().values().stream()
                .anyMatch(status -> status.isCaughtUp()));
    }

    /** Appends through the service under test, as any command does: the first instance. */
    private void append(int sequence) {
        transactions.executeWithoutResult(status ->
                eventStore.publish(GenericEventMessage.asEventMessage(new LedgerEntry(runId, 0, sequence))));
    }

    /** The second instance's projection. */
    class Probe {
        @EventHandler
        void on(LedgerEntry entry) {
            if (entry.runId().equals(runId)) {
                seen.add(entry);
            }
        }
    }
}
