package dev.warden.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Data keys made in the current transaction for subjects that are new in it (a credential being stored):
 * their rows wait here and go into {@code data_keys} in the statement that appends the transaction's
 * events ({@link #take}), so a new subject's key costs the command no round trip of its own. Whatever
 * no append took is written just before the transaction commits; a rollback drops it with the rest.
 * Outside a transaction nothing waits: the caller writes the row at once.
 */
public final class PendingDataKeys {

    /** One waiting row of {@code data_keys}: the subject, its keyset wrapped under the master key, that key's id. */
    public record Row(String subjectId, byte[] keyset, String masterKeyId) {
    }

    private static final Object RESOURCE = PendingDataKeys.class;

    private PendingDataKeys() {
    }

    /** Whether rows can wait for the current transaction's events. */
    static boolean active() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** Makes {@code row} wait for the current transaction's append (or its commit, written through {@code jdbc}). */
    static void add(JdbcClient jdbc, Row row) {
        List<Row> rows = waiting();
        if (rows == null) {
            List<Row> made = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(RESOURCE, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    made.forEach(left -> jdbc.sql("INSERT INTO data_keys (subject_id, keyset, master_key_id) "
                            + "VALUES (?, ?, ?)").params(left.subjectId(), left.keyset(), left.masterKeyId()).update());
                    made.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
                }
            });
            rows = made;
        }
        rows.add(row);
    }

    /** Drops the waiting row of {@code subjectId}, if any (its key is destroyed before it was written). */
    static void drop(String subjectId) {
        List<Row> rows = waiting();
        if (rows != null) {
            rows.removeIf(row -> row.subjectId().equals(subjectId));
        }
    }

    /**
     * The rows waiting in the current transaction, handed to the caller, which writes them in its own
     * statement of this transaction (the event append); none wait after.
     */
    public static List<Row> take() {
        List<Row> rows = waiting();
        if (rows == null || rows.isEmpty()) {
            return Collections.emptyList();
        }
        List<Row> taken = List.copyOf(rows);
        rows.clear();
        return taken;
    }

    @SuppressWarnings("unchecked")
    private static List<Row> waiting() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (List<Row>) TransactionSynchronizationManager.getResource(RESOURCE) : null;
    }
}
