package dev.warden.bench;

import dev.warden.events.access.PermissionGrantedEvent;
import dev.warden.events.access.Permissions;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.access.RoleRenamedEvent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * Writes role events straight into the log with SQL, in the shape the service writes them: each
 * event type's payload and metadata are copied from a real row the service stored earlier in the
 * run, with ids, names and positions of their own. Also the raw baseline for a rebuild: a keyset
 * scan of the log with batched upserts, over plain JDBC.
 */
final class BenchLog {

    /** Scan page size and upsert batch size of the raw baseline. */
    private static final int PAGE = 1000;
    private static final int UPSERT_BATCH = 100;

    private final DataSource dataSource;

    BenchLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Appends {@code roles} roles of {@code eventsPerRole} events each: created, then up to five
     * grants, then renames. The events of each chunk of roles are interleaved, as concurrent
     * writers would leave them. Reports progress in events.
     */
    void generate(String prefix, int roles, int eventsPerRole, int chunkRoles, LongConsumer progress)
            throws SQLException {
        Template created = template(RoleCreatedEvent.class.getName());
        Template granted = template(PermissionGrantedEvent.class.getName());
        Template renamed = template(RoleRenamedEvent.class.getName());
        String sql = """
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT gen_random_uuid()::text, g.role_id, g.s, ?, now(),
                       CASE WHEN g.s = 0 THEN ? WHEN g.s <= 5 THEN ? ELSE ? END,
                       CASE WHEN g.s = 0 THEN ? WHEN g.s <= 5 THEN ? ELSE ? END,
                       CASE
                         WHEN g.s = 0 THEN ?::jsonb || jsonb_build_object('roleId', g.role_id,
                             'organizationId', g.org_id, 'name', g.name || ' 0', 'permissions',
                             jsonb_build_array('audit:read'))
                         WHEN g.s <= 5 THEN ?::jsonb || jsonb_build_object('roleId', g.role_id,
                             'organizationId', g.org_id, 'permission', (?::text[])[g.s])
                         ELSE ?::jsonb || jsonb_build_object('roleId', g.role_id, 'organizationId', g.org_id,
                             'name', g.name || ' ' || g.s, 'previousName',
                             g.name || ' ' || CASE WHEN g.s = 6 THEN 0 ELSE g.s - 1 END)
                       END,
                       m.meta || jsonb_strip_nulls(jsonb_build_object('organizationId', g.org_id,
                           'requestId', CASE WHEN jsonb_exists(m.meta, 'requestId') THEN g.request END,
                           'correlationId', CASE WHEN jsonb_exists(m.meta, 'correlationId') THEN g.request END,
                           'causationId', CASE WHEN jsonb_exists(m.meta, 'causationId') THEN gen_random_uuid()::text END))
                FROM (SELECT ?::jsonb AS meta) m,
                     (SELECT ? || r AS role_id, 'org_bench' || (r % 1000) AS org_id, 'Bench role ' || r AS name,
                             s, gen_random_uuid()::text AS request
                      FROM generate_series(?, ?) r, generate_series(0, ?) s) g
                ORDER BY g.s, g.role_id""";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Array permissions = connection.createArrayOf("text",
                    Permissions.CATALOGUE.stream().map(p -> p.name()).toArray());
            long written = 0;
            for (int from = 0; from < roles; from += chunkRoles) {
                int to = Math.min(roles, from + chunkRoles) - 1;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    int i = 1;
                    statement.setString(i++, created.type());
                    statement.setString(i++, RoleCreatedEvent.class.getName());
                    statement.setString(i++, PermissionGrantedEvent.class.getName());
                    statement.setString(i++, RoleRenamedEvent.class.getName());
                    statement.setString(i++, created.revision());
                    statement.setString(i++, granted.revision());
                    statement.setString(i++, renamed.revision());
                    statement.setString(i++, created.payload());
                    statement.setString(i++, granted.payload());
                    statement.setArray(i++, permissions);
                    statement.setString(i++, renamed.payload());
                    statement.setString(i++, created.metaData());
                    statement.setString(i++, prefix);
                    statement.setInt(i++, from);
                    statement.setInt(i++, to);
                    statement.setInt(i, eventsPerRole - 1);
                    written += statement.executeUpdate();
                }
                progress.accept(written);
            }
        }
    }

    private record Template(String type, String revision, String payload, String metaData) {
    }

    private Template template(String payloadType) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT type, payload_revision, payload::text, meta_data::text FROM domain_event_entry
                     WHERE payload_type = ? AND meta_data ->> 'actorType' IS DISTINCT FROM 'system'
                     ORDER BY global_index DESC LIMIT 1""")) {
            statement.setString(1, payloadType);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no " + payloadType + " in the log to copy the shape from");
                }
                return new Template(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    /**
     * The raw baseline of a rebuild: reads the whole log by keyset pages and upserts one row per
     * aggregate for each event into a scratch table, in batches of 100 rows per transaction, on one
     * connection. Returns the number of events read.
     */
    long scanAndUpsert() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS bench_raw_projection");
                statement.execute("""
                        CREATE TABLE bench_raw_projection (
                            aggregate_identifier text PRIMARY KEY, payload_type text NOT NULL,
                            payload jsonb NOT NULL, updated_at timestamptz NOT NULL,
                            last_event_position bigint NOT NULL)""");
            }
            connection.setAutoCommit(false);
            long last = 0;
            long events = 0;
            try (PreparedStatement scan = connection.prepareStatement("""
                         SELECT global_index, aggregate_identifier, payload_type, payload::text, time_stamp
                         FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?""");
                 PreparedStatement upsert = connection.prepareStatement("""
                         INSERT INTO bench_raw_projection AS p (aggregate_identifier, payload_type, payload,
                             updated_at, last_event_position)
                         VALUES (?, ?, ?::jsonb, ?, ?)
                         ON CONFLICT (aggregate_identifier) DO UPDATE SET payload_type = excluded.payload_type,
                             payload = excluded.payload, updated_at = excluded.updated_at,
                             last_event_position = excluded.last_event_position
                         WHERE p.last_event_position < excluded.last_event_position""")) {
                while (true) {
                    scan.setLong(1, last);
                    scan.setInt(2, PAGE);
                    int rows = 0;
                    try (ResultSet rs = scan.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getLong(1);
                            upsert.setString(1, rs.getString(2));
                            upsert.setString(2, rs.getString(3));
                            upsert.setString(3, rs.getString(4));
                            upsert.setTimestamp(4, rs.getTimestamp(5));
                            upsert.setLong(5, last);
                            upsert.addBatch();
                            if (++rows % UPSERT_BATCH == 0) {
                                upsert.executeBatch();
                                connection.commit();
                            }
                        }
                    }
                    upsert.executeBatch();
                    connection.commit();
                    events += rows;
                    if (rows < PAGE) {
                        break;
                    }
                }
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE bench_raw_projection");
            }
            return events;
        }
    }

    /** The log's head position. */
    long head() throws SQLException {
        return number("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
    }

    /** How many events the log holds. */
    long size() throws SQLException {
        return number("SELECT count(*) FROM domain_event_entry");
    }

    private long number(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> permissionNames() {
        return Permissions.CATALOGUE.stream().map(p -> p.name()).toList();
    }
}
