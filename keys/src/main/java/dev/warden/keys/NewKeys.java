package dev.warden.keys;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Data keys (their primitives) made in the current transaction: later operations of the same transaction use them
 * without reading and unwrapping the row just written (a command that seals several values makes one
 * key and reads none); they enter the {@link KeysetCache} once the transaction commits, and are
 * forgotten if it rolls back, as their rows are. Outside a transaction nothing is kept.
 */
final class NewKeys {

    private final KeysetCache cache;

    NewKeys(KeysetCache cache) {
        this.cache = cache;
    }

    Optional<Object> get(String subjectId) {
        Map<String, Object> keys = current();
        return keys == null ? Optional.empty() : Optional.ofNullable(keys.get(subjectId));
    }

    void add(String subjectId, Object primitive) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<String, Object> keys = current();
        if (keys == null) {
            Map<String, Object> made = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(NewKeys.this);
                    if (status == STATUS_COMMITTED) {
                        made.forEach(cache::put);
                    }
                }
            });
            keys = made;
        }
        keys.put(subjectId, primitive);
    }

    void remove(String subjectId) {
        Map<String, Object> keys = current();
        if (keys != null) {
            keys.remove(subjectId);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> current() {
        return (Map<String, Object>) TransactionSynchronizationManager.getResource(this);
    }
}
