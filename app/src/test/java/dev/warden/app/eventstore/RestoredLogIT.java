package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A log copied from another server (pg_dump and restore, logical replication) keeps the writing
 * transaction ids of that server, which mean nothing here. Such rows must still reach the
 * projections, in order, and not wait for this server's transaction counter to catch up.
 */
@WardenTest
class RestoredLogIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsWrittenByAnotherServerReachTheProjections() {
        String runId = UUID.randomUUID().toString();
        long current = jdbc.sql("SELECT pg_current_xact_id()::text::bigint").query(Long.class).single();
        // Far beyond this server's counter, as ids from a busier server are.
        long foreignId = current + 1_000_000_000L;
        for (int i = 0; i < 3; i++) {
            String eventId = UUID.randomUUID().toString();
            jdbc.sql("""
                            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                type, time_stamp, payload_type, payload_revision, payload, meta_data, tx_id)
                            VALUES (?, ?, 0, NULL, now(), ?, NULL, CAST(? AS jsonb), '{}'::jsonb,
                                    CAST(CAST(? AS text) AS xid8))""")
                    .params(eventId, eventId, LedgerEntry.class.getName(),
                            Json.text(Json.object("runId", runId, "writer", 0, "sequence", i)), foreignId + i)
                    .update();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT count(*) FROM test_ledger WHERE run_id = ?").param(runId).query(Long.class).single())
                .isEqualTo(3));
    }
}
