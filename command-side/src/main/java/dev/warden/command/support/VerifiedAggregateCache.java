package dev.warden.command.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;

/**
 * Aggregates kept in memory between commands, so a command does not read a snapshot and events and
 * rebuild its aggregate each time. Every use is checked against the log first: an entry counts only
 * while the aggregate's last sequence number in the log (one indexed read, in the command's
 * transaction) is the one the entry was cached at. So an aggregate that another instance changed,
 * or a log restored to an earlier moment, is loaded afresh, and commands decide on what the log
 * holds, as without the cache. Axon's repository evicts an entry whose command rolls back.
 * <p>
 * Bounded: the least recently used entry goes when {@code capacity} is reached.
 */
public class VerifiedAggregateCache implements Cache {

    private final Function<String, Optional<Long>> lastSequence;
    private final Map<Object, Entry> entries;

    private record Entry(Object value, long version) {
    }

    /**
     * @param lastSequence the last sequence number of an aggregate in the log, read in the caller's
     *                     transaction; empty when the log holds no event of it
     */
    public VerifiedAggregateCache(int capacity, Function<String, Optional<Long>> lastSequence) {
        this.lastSequence = lastSequence;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            return null;
        }
        Optional<Long> last = lastSequence.apply(key.toString());
        if (last.isEmpty() || last.get() != entry.version()) {
            remove(key);
            return null;
        }
        return (V) entry.value();
    }

    @Override
    public void put(Object key, Object value) {
        Long version = versionOf(value);
        synchronized (entries) {
            if (version == null) {
                entries.remove(key);
            } else {
                entries.put(key, new Entry(value, version));
            }
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Long version = versionOf(value);
        synchronized (entries) {
            if (version == null || entries.containsKey(key)) {
                return false;
            }
            entries.put(key, new Entry(value, version));
            return true;
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** Nobody listens: the repository only reads, writes and evicts. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }

    /** How many aggregates are held. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * The sequence number of the last event the cached aggregate has applied, or {@code null} when
     * it has none (nothing to check it against, so it is not kept). The repository caches entries
     * that still hold the live aggregate, which {@code recreateAggregate} hands back as it is.
     */
    private static Long versionOf(Object value) {
        if (value instanceof AggregateCacheEntry<?> entry) {
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
            return aggregate == null ? null : aggregate.version();
        }
        return null;
    }
}
