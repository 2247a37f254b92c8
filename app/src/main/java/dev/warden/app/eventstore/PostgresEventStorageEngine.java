package dev.warden.app.eventstore;

import dev.warden.command.support.LogPosition;
import dev.warden.query.support.Signal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event storage on PostgreSQL, with three changes:
 * <ul>
 *     <li>payload and metadata are written and read as jsonb, and the timestamp as timestamptz;</li>
 *     <li>trackers read only rows whose writing transaction is older than every transaction still
 *     in flight ({@code tx_id < pg_snapshot_xmin(pg_current_snapshot())}), so a slow or rolled-back
 *     writer can never make a tracker pass an event that becomes visible later;</li>
 *     <li>each append records the log position of its last event for the command's response, and
 *     notifies {@link #CHANNEL} with it, which PostgreSQL delivers to listeners (other instances'
 *     {@link AppendListener}) when the appending transaction commits.</li>
 * </ul>
 */
public class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    /** The channel every append notifies, with the position of its last event as payload. */
    public static final String CHANNEL = "warden_events";

    /**
     * Only rows of transactions that finished before every one still running. A row whose id is at or
     * past the snapshot's xmax cannot be from a transaction of this server still in flight: it was
     * written by another server (a restored or replicated log), so it is visible as well. The bounds
     * are subqueries, computed once per statement (the statement's snapshot) rather than per row: a
     * fetch of 500 rows takes about a third less time.
     */
    static final String VISIBLE = "(tx_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))"
            + " OR tx_id >= (SELECT pg_snapshot_xmax(pg_current_snapshot())))";

    /**
     * How long a fetch keeps looking when committed events are hidden only by a transaction in flight,
     * before it leaves the rest to the next wake-up or poll: it looks again after 1, 2, 4, ... 32 ms,
     * or as soon as an append commits (the usual end of what hid them).
     */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(64);
    private static final long MAX_SETTLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(32);
    /** The tracking tokens' gap rules, set on the engine and used where this class builds tokens. */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int GAP_TIMEOUT_MILLIS = 60_000;
    /** Events per append statement: nine parameters each, far below PostgreSQL's 65,535. */
    private static final int APPEND_CHUNK = 500;

    private final TransactionManager transactionManager;
    private final Signal writers = new Signal();
    private final String lastPositionQuery;

    public PostgresEventStorageEngine(Builder builder, EventSchema schema, TransactionManager transactionManager) {
        super(builder
                .transactionManager(transactionManager)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MILLIS)
                .dataType(String.class)
                .schema(schema)
                .appendSnapshot((connection, s, dataType, snapshot, serializer, timestampWriter) ->
                        EventRows.insertSnapshot(connection, s, snapshot, serializer, timestampWriter))
                .readEventDataWithoutGaps((connection, s, globalIndex, batchSize) -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT " + s.trackedEventFields() + " FROM " + s.domainEventTable()
                                    + " WHERE " + s.globalIndexColumn() + " > ? AND " + s.globalIndexColumn()
                                    + " <= ? AND " + VISIBLE + " ORDER BY " + s.globalIndexColumn() + " ASC");
                    statement.setLong(1, globalIndex);
                    statement.setLong(2, globalIndex + batchSize);
                    return statement;
                })
                .readEventDataWithGaps((connection, s, globalIndex, batchSize, gaps) -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT " + s.trackedEventFields() + " FROM " + s.domainEventTable()
                                    + " WHERE ((" + s.globalIndexColumn() + " > ? AND " + s.globalIndexColumn()
                                    + " <= ?) OR " + s.globalIndexColumn() + " = ANY (?)) AND " + VISIBLE
                                    + " ORDER BY " + s.globalIndexColumn() + " ASC");
                    statement.setLong(1, globalIndex);
                    statement.setLong(2, globalIndex + batchSize);
                    statement.setArray(3, connection.createArrayOf("bigint", gaps.toArray()));
                    return statement;
                }));
        this.transactionManager = transactionManager;
        // The newest position, read backwards from the end of the primary key's index whatever the plan
        // (an EXISTS over "global_index > ?" could be planned as a scan from the start of the log).
        this.lastPositionQuery = "SELECT max(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable();
    }

    /**
     * Fetches the next batch. When it comes back empty although the log holds later rows, those rows
     * are held back only by a transaction still in flight (typically a command's or a projection's,
     * a few milliseconds long), so keep looking briefly instead of sleeping until the next poll.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long seen = writers.count();
        List<? extends TrackedEventData<?>> batch = super.fetchTrackedEvents(lastToken, batchSize);
        long deadline = System.nanoTime() + SETTLE_NANOS;
        long pause = TimeUnit.MILLISECONDS.toNanos(1);
        while (batch.isEmpty() && System.nanoTime() < deadline && rowsBeyond(lastToken)) {
            try {
                writers.awaitAfter(seen, Math.min(pause, deadline - System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause = Math.min(pause * 2, MAX_SETTLE_PAUSE_NANOS);
            seen = writers.count();
            batch = super.fetchTrackedEvents(lastToken, batchSize);
        }
        return batch;
    }

    /**
     * Tells fetches that wait for hidden rows to settle that a writer committed: an append (in this
     * process or, through a notification, in another) or a projection's transaction. Those are what
     * hide rows, so the fetches look again at once.
     */
    public void writerCommitted() {
        writers.signal();
    }

    private boolean rowsBeyond(TrackingToken token) {
        long index = token instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : -1;
        Long last = JdbcUtils.executeQuery(getConnection(), c -> c.prepareStatement(lastPositionQuery),
                rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null,
                e -> new EventStoreException("Cannot look ahead in the event log", e));
        return last != null && last > index;
    }

    /**
     * Appends {@code events} with one statement per {@link #APPEND_CHUNK} events, which inserts them
     * in their order (so their positions ascend with it), answers the position of the last one and
     * queues the notification that goes out with the commit: one round trip for a command's events.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // One transaction, so one connection: PostgreSQL sends the notification only if it commits.
        transactionManager.executeInTransaction(() -> {
            for (int from = 0; from < events.size(); from += APPEND_CHUNK) {
                List<? extends EventMessage<?>> chunk = events.subList(from, Math.min(events.size(),
                        from + APPEND_CHUNK));
                Long last = JdbcUtils.executeQuery(getConnection(),
                        c -> EventRows.append(c, schema(), CHANNEL, chunk, serializer, this::writeTimestamp),
                        rs -> rs.next() ? rs.getLong(1) : null,
                        e -> {
                            handlePersistenceException(e, chunk.get(0));
                            return new EventStoreException("Cannot append events", e);
                        });
                if (last != null) {
                    LogPosition.appended(last);
                }
            }
        });
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setTimestamp(position, Timestamp.from(timestamp));
    }

    @Override
    protected Object readTimeStamp(ResultSet resultSet, String columnName) throws SQLException {
        return resultSet.getTimestamp(columnName).toInstant();
    }

    /**
     * A tracked event as Axon's engine reads it, but holding its timestamp as read ({@link StoredEvent}),
     * with the token built by the same rules: gaps below a new event are remembered (so a slower
     * writer's event is not skipped) unless the event is older than the gap timeout.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = resultSet.getLong(schema.globalIndexColumn());
        StoredEvent event = StoredEvent.read(resultSet, schema(), true);
        boolean allowGaps = event.getTimestamp().isAfter(
                GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalIndex, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : new TreeSet<>());
        } else {
            token = previousToken.advanceTo(globalIndex, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return StoredEvent.read(resultSet, schema(), false);
    }

    @Override
    protected DomainEventData<?> getSnapshotData(ResultSet resultSet) throws SQLException {
        return StoredEvent.read(resultSet, schema(), false);
    }

}
