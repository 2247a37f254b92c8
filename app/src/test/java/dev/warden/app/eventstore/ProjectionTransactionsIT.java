package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.WardenTest;
import dev.warden.query.access.AccessProcessing;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projections' processors commit without waiting for the disk; commands (and everything else)
 * keep the server's durable setting.
 */
@WardenTest
class ProjectionTransactionsIT {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;

    @Test
    void projectionTransactionsAloneCommitAsynchronously() {
        TransactionManager projections = processing.transactionManager(AccessProcessing.GROUP);
        assertThat(projections).isInstanceOf(ProjectionTransactionManager.class);

        Transaction transaction = projections.startTransaction();
        try {
            assertThat(synchronousCommit()).isEqualTo("off");
            assertThat(source()).as("set for this transaction").isEqualTo("session");
        } finally {
            transaction.commit();
        }
        // The test server may run without synchronous commits anyway; what matters is that the
        // setting came back to the server's own.
        assertThat(source()).as("only for that transaction").isNotEqualTo("session");
        assertThat(transactionManager.fetchInTransaction(this::source)).as("commands").isNotEqualTo("session");
    }

    private String synchronousCommit() {
        return jdbc.sql("SHOW synchronous_commit").query(String.class).single();
    }

    private String source() {
        return jdbc.sql("SELECT source FROM pg_settings WHERE name = 'synchronous_commit'").query(String.class)
                .single();
    }
}
