package dev.warden.command.support;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link AggregateLocks} without a database: a fixture runs one command at a time, so there is
 * nothing to serialize. It records which aggregates a command locked.
 */
public final class RecordingAggregateLocks extends AggregateLocks {

    private final List<String> locked = new ArrayList<>();

    public RecordingAggregateLocks() {
        super(null);
    }

    @Override
    public void lockUntilCommit(String aggregateId) {
        locked.add(aggregateId);
    }

    /** The aggregates locked so far, in order. */
    public List<String> locked() {
        return List.copyOf(locked);
    }
}
