package dev.warden.app.eventstore;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A test-only projection that records every {@link LedgerEntry} it handles, deliberately without
 * idempotency, so a test can see an event handled twice as well as one never handled.
 */
@Component
@ProcessingGroup("test-ledger")
class LedgerProjection {

    private final JdbcClient jdbc;

    LedgerProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
        // A scratch table of the test suite, not part of the product's schema.
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS test_ledger (
                    run_id text NOT NULL, event_id text NOT NULL, position bigint NOT NULL)""").update();
    }

    @EventHandler
    void on(LedgerEntry entry, EventMessage<?> message, TrackingToken token) {
        jdbc.sql("INSERT INTO test_ledger (run_id, event_id, position) VALUES (?, ?, ?)")
                .params(entry.runId(), message.getIdentifier(), token.position().orElse(-1))
                .update();
    }
}
