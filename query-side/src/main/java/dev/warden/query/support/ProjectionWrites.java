package dev.warden.query.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one way projections write. Inside a unit of work (a tracking processor's batch of events)
 * each write is queued, and the queue is sent as JDBC batches when the unit of work prepares to
 * commit, in the transaction that also stores the processor's token. Outside one (a handler called
 * directly) a write runs at once.
 * <p>
 * Every write names a key: the rows it reads or writes (for example the role it touches, or every
 * row a unique constraint or foreign key ties together). Writes with the same key run in the order
 * they were queued; writes with different keys touch different rows, so they may be reordered,
 * which lets writes of the same statement share one batch. A write must therefore decide on its
 * own, in its statement, whether it applies, since it cannot see an earlier write's count: an
 * insert is idempotent ({@code ON CONFLICT}), an update or delete applies only to rows whose
 * {@code last_event_position} is older than the event's. Each statement is checked for that the
 * first time it is written, so handling an event twice changes nothing.
 * <p>
 * Statements name their tables without a schema: the connection's {@code search_path} decides
 * where they land, so the same projection can write into another schema (a rebuild beside the live
 * tables) on a data source, or in a transaction, whose {@code search_path} points there.
 */
@Component
public class ProjectionWrites {

    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final Pattern INSERT = Pattern.compile("(?i)\\bINSERT\\b");
    private static final Pattern ON_CONFLICT = Pattern.compile("(?i)\\bON\\s+CONFLICT\\b");
    private static final Pattern CHANGE = Pattern.compile("(?i)\\b(UPDATE|DELETE)\\b");
    private static final Pattern GUARD = Pattern.compile("(?i)\\blast_event_position\\s*<(?!=)");

    private final JdbcTemplate jdbc;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();
    /** Its own queue in a unit of work: writes for another data source (another schema) never mix with these. */
    private final String queue = ProjectionWrites.class.getName() + ".queue." + INSTANCES.incrementAndGet();

    /** Writes through {@code jdbc}'s data source, in the transaction bound to it if there is one. */
    public ProjectionWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues {@code sql} with {@code params} (or runs it now, outside a unit of work).
     *
     * @param key the rows the statement touches; writes with equal keys keep their order (keys equal
     *            by chance only cost batching, never correctness)
     */
    public void write(String key, String sql, Object... params) {
        if (!checked.contains(sql)) {
            requireIdempotent(sql);
            checked.add(sql);
        }
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, params);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<Write> writes = unitOfWork.getResource(queue);
        if (writes == null) {
            List<Write> created = new ArrayList<>();
            unitOfWork.resources().put(queue, created);
            unitOfWork.onPrepareCommit(u -> flush(created));
            writes = created;
        }
        writes.add(new Write(key, sql, params));
    }

    /**
     * The guarded update most projections make: sets {@code assignments} (SQL, with {@code values} for its
     * parameters) on row {@code id} of {@code table} with its {@code updated_at} and
     * {@code last_event_position}, unless the row has seen this event already.
     */
    public void updateRow(String key, String table, String id, String assignments, Logged logged, Object... values) {
        Object[] params = new Object[values.length + 4];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = logged.time();
        params[values.length + 1] = logged.position();
        params[values.length + 2] = id;
        params[values.length + 3] = logged.position();
        write(key, "UPDATE " + table + " SET " + assignments
                + ", updated_at = ?, last_event_position = ? WHERE id = ? AND last_event_position < ?", params);
    }

    /**
     * Empties {@code tables} at once, for a replay from the start of the log ({@code @ResetHandler}).
     *
     * @param tables unqualified table names, children before the tables they reference
     */
    public void clear(String... tables) {
        for (String table : tables) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /**
     * Refuses a statement that would not be idempotent: an insert without {@code ON CONFLICT}, an
     * update or delete without a strict {@code last_event_position <} guard (in the statement or a CTE
     * of it): with {@code <=} an event handled again would apply again.
     */
    static void requireIdempotent(String sql) {
        if (INSERT.matcher(sql).find() && !ON_CONFLICT.matcher(sql).find()) {
            throw new IllegalArgumentException("a projection's insert must be idempotent (ON CONFLICT): " + sql);
        }
        if (CHANGE.matcher(sql).find() && !GUARD.matcher(sql).find()) {
            throw new IllegalArgumentException(
                    "a projection's update or delete must be guarded by last_event_position < ?: " + sql);
        }
    }

    private void flush(List<Write> queue) {
        for (Batch batch : plan(queue)) {
            if (batch.params().size() == 1) {
                jdbc.update(batch.sql(), batch.params().get(0));
            } else {
                jdbc.batchUpdate(batch.sql(), batch.params());
            }
        }
        queue.clear();
    }

    /**
     * Groups writes into as few batches of one statement each as the order of each key allows: a
     * write joins the first batch of its statement that comes no earlier than the batch of the
     * previous write with its key, or opens a new batch at the end.
     */
    static List<Batch> plan(List<Write> writes) {
        List<Batch> batches = new ArrayList<>();
        Map<String, List<Integer>> batchesBySql = new HashMap<>();
        Map<String, Integer> batchOfKey = new HashMap<>();
        for (Write write : writes) {
            int earliest = batchOfKey.getOrDefault(write.key(), 0);
            List<Integer> candidates = batchesBySql.computeIfAbsent(write.sql(), s -> new ArrayList<>());
            int chosen = -1;
            for (int index : candidates) {
                if (index >= earliest) {
                    chosen = index;
                    break;
                }
            }
            if (chosen < 0) {
                chosen = batches.size();
                batches.add(new Batch(write.sql(), new ArrayList<>()));
                candidates.add(chosen);
            }
            batches.get(chosen).params().add(write.params());
            batchOfKey.put(write.key(), chosen);
        }
        return batches;
    }

    /** One queued statement. */
    record Write(String key, String sql, Object[] params) {
    }

    /** One statement with the parameters of each of its executions, in order. */
    record Batch(String sql, List<Object[]> params) {
    }
}
