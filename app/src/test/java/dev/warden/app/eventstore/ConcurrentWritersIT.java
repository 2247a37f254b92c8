package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.WardenTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Eight writers append events in transactions of varying length while about a third of the
 * transactions roll back. Positions are taken from the sequence before commit, so commits land out
 * of order and rolled-back positions leave holes. The projection must end with exactly the committed
 * events: none skipped, none twice.
 */
@WardenTest
class ConcurrentWritersIT {

    private static final int WRITERS = 8;
    private static final int TRANSACTIONS_PER_WRITER = 60;

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void projectionSeesExactlyTheCommittedEventsOnce() throws Exception {
        String runId = UUID.randomUUID().toString();
        Set<String> committed = ConcurrentHashMap.newKeySet();
        int[] rolledBack = new int[WRITERS];

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    boolean rollback = random.nextInt(3) == 0;
                    List<String> ids = new ArrayList<>();
                    int sequence = t;
                    transactions.executeWithoutResult(status -> {
                        for (int e = 0; e < 1 + random.nextInt(3); e++) {
                            EventMessage<LedgerEntry> event =
                                    GenericEventMessage.asEventMessage(new LedgerEntry(runId, writer, sequence));
                            eventStore.publish(event);
                            ids.add(event.getIdentifier());
                            // Hold the transaction open a little, so commits overtake each other.
                            jdbc.sql("SELECT pg_sleep(?)").param(random.nextDouble(0.004)).query().singleRow();
                        }
                        if (rollback) {
                            status.setRollbackOnly();
                        }
                    });
                    if (rollback) {
                        rolledBack[writer]++;
                    } else {
                        committed.addAll(ids);
                    }
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        int rollbacks = java.util.Arrays.stream(rolledBack).sum();
        assertThat(rollbacks).as("some transactions rolled back").isPositive();
        assertThat(committed).as("some transactions committed").isNotEmpty();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(count(runId)).isGreaterThanOrEqualTo(committed.size()));

        List<String> handled = jdbc.sql("SELECT event_id FROM test_ledger WHERE run_id = ?")
                .param(runId).query(String.class).list();
        assertThat(handled).as("no event handled twice").doesNotHaveDuplicates();
        assertThat(Set.copyOf(handled)).as("exactly the committed events").isEqualTo(committed);
        long stored = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload ->> 'runId' = ?")
                .param(runId).query(Long.class).single();
        assertThat(stored).as("rolled-back events are not in the log").isEqualTo(committed.size());
    }

    private long count(String runId) {
        return jdbc.sql("SELECT count(*) FROM test_ledger WHERE run_id = ?").param(runId).query(Long.class).single();
    }
}
