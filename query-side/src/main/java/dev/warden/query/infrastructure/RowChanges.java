package dev.warden.query.infrastructure;

import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;

/**
 * The guarded update every infrastructure projection makes: set some columns of one row, its
 * {@code updated_at} and {@code last_event_position}, unless the row has seen this event already.
 * All writes of an organization's infrastructure rows share one key, since workspaces reference
 * their project and runs their workspace.
 */
final class RowChanges {

    private RowChanges() {
    }

    /** The key of every write of the organization's infrastructure rows. */
    static String key(String organizationId) {
        return "infrastructure " + organizationId;
    }

    /**
     * Sets {@code assignments} (SQL, with {@code values} for its parameters) on row {@code id} of
     * {@code table}, if its last event is older than {@code logged}.
     */
    static void update(ProjectionWrites writes, String organizationId, String table, String id, String assignments,
                       Logged logged, Object... values) {
        writes.updateRow(key(organizationId), table, id, assignments, logged, values);
    }
}
