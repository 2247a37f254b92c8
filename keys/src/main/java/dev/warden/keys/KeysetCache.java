package dev.warden.keys;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unwrapped data keys (their primitives) for a short while (30 s, at most 1,000, least recently used out first), so a run
 * of reads does not unwrap the same keyset each time. A key destroyed by another process stays usable
 * here until its entry expires.
 */
final class KeysetCache {

    private static final int MAX_ENTRIES = 1_000;
    private static final long TTL_NANOS = Duration.ofSeconds(30).toNanos();

    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<Object> get(String subjectId) {
        Entry entry = entries.get(subjectId);
        if (entry == null || System.nanoTime() - entry.at > TTL_NANOS) {
            entries.remove(subjectId);
            return Optional.empty();
        }
        return Optional.of(entry.primitive);
    }

    synchronized void put(String subjectId, Object primitive) {
        entries.put(subjectId, new Entry(primitive, System.nanoTime()));
    }

    synchronized void remove(String subjectId) {
        entries.remove(subjectId);
    }

    private record Entry(Object primitive, long at) {
    }
}
