package dev.warden.command.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link DueCommands} without a database: records what is scheduled, by key, for fixture tests. */
public final class RecordingDueCommands implements DueCommands {

    /** A command and when it is due. */
    public record Scheduled(Instant dueAt, Object command) {
    }

    private final Map<String, Scheduled> scheduled = new LinkedHashMap<>();

    @Override
    public void schedule(String key, Instant dueAt, Object command) {
        scheduled.put(key, new Scheduled(dueAt, command));
    }

    @Override
    public void cancel(String key) {
        scheduled.remove(key);
    }

    /** What is scheduled now, by key. */
    public Map<String, Scheduled> scheduled() {
        return Map.copyOf(scheduled);
    }
}
