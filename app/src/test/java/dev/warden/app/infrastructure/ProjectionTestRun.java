package dev.warden.app.infrastructure;

import dev.warden.query.support.Logged;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a projection test on the shared database needs: log positions far beyond the log's head (so
 * they never meet a real event), and a transaction that is rolled back, so the database keeps only
 * what the log says.
 */
final class ProjectionTestRun {

    private final long base = (1L << 50) + (System.nanoTime() & ((1L << 40) - 1)) * 1_000;
    private final TransactionTemplate transactions;

    ProjectionTestRun(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /** The position {@code offset} beyond this run's base. */
    long position(long offset) {
        return base + offset;
    }

    /** An event logged at {@code when}, {@code offset} positions beyond this run's base. */
    Logged logged(long offset, Instant when) {
        return new Logged(position(offset), when);
    }

    /** Runs {@code work} in a transaction that is rolled back. */
    void rolledBack(Runnable work) {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }

    /** The rows of {@code table}. */
    static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
