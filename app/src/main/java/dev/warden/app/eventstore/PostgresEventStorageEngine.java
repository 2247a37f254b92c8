package dev.warden.app.eventstore;

import dev.warden.command.support.LogPosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
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
     * written by another server (a restored or replicated log), so it is visible as well.
     */
    static final String VISIBLE = "(tx_id < pg_snapshot_xmin(pg_current_snapshot())"
            + " OR tx_id >= pg_snapshot_xmax(pg_current_snapshot()))";

    /**
     * How long a fetch keeps looking when committed events are hidden only by a transaction in flight,
     * before it leaves the rest to the next wake-up or poll: it looks again after 1, 2, 4, ... 32 ms,
     * or as soon as an append commits (the usual end of what hid them).
     */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(64);
    private static final long MAX_SETTLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(32);

    private final TransactionManager transactionManager;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Condition appendCommitted = appendLock.newCondition();
    private long appends;
    private final String positionQuery;
    private final String anyBeyondQuery;

    public PostgresEventStorageEngine(Builder builder, EventSchema schema, TransactionManager transactionManager) {
        super(builder
                .transactionManager(transactionManager)
                .dataType(String.class)
                .schema(schema)
                .appendEvents(PostgresEventStorageEngine::appendEvents)
                .appendSnapshot((connection, s, dataType, snapshot, serializer, timestampWriter) ->
                        insert(connection, s.snapshotTable(), s, List.of(snapshot), serializer, timestampWriter, false))
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
        // One round trip reads the position and queues the notification, sent only if the append commits.
        this.positionQuery = "SELECT last, pg_notify('" + CHANNEL + "', last::text) FROM (SELECT currval("
                + "pg_get_serial_sequence('" + schema.domainEventTable() + "', '" + schema.globalIndexColumn()
                + "')) AS last) appended";
        this.anyBeyondQuery = "SELECT EXISTS (SELECT 1 FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " > ?)";
    }

    /**
     * Fetches the next batch. When it comes back empty although the log holds later rows, those rows
     * are held back only by a transaction still in flight (typically a command's or a projection's,
     * a few milliseconds long), so keep looking briefly instead of sleeping until the next poll.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        List<? extends TrackedEventData<?>> batch = super.fetchTrackedEvents(lastToken, batchSize);
        long deadline = System.nanoTime() + SETTLE_NANOS;
        long pause = TimeUnit.MILLISECONDS.toNanos(1);
        while (batch.isEmpty() && System.nanoTime() < deadline && rowsBeyond(lastToken)) {
            awaitAppend(Math.min(pause, deadline - System.nanoTime()));
            pause = Math.min(pause * 2, MAX_SETTLE_PAUSE_NANOS);
            batch = super.fetchTrackedEvents(lastToken, batchSize);
        }
        return batch;
    }

    /**
     * Tells fetches that wait for hidden rows to settle that an append committed (in this process or,
     * through a notification, in another), so they look again at once.
     */
    public void appendCommitted() {
        appendLock.lock();
        try {
            appends++;
            appendCommitted.signalAll();
        } finally {
            appendLock.unlock();
        }
    }

    private void awaitAppend(long nanos) {
        appendLock.lock();
        try {
            long seen = appends;
            long left = nanos;
            while (appends == seen && left > 0) {
                left = appendCommitted.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            appendLock.unlock();
        }
    }

    private boolean rowsBeyond(TrackingToken token) {
        long index = token instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : -1;
        Boolean any = JdbcUtils.executeQuery(getConnection(), c -> {
                    PreparedStatement statement = c.prepareStatement(anyBeyondQuery);
                    statement.setLong(1, index);
                    return statement;
                }, rs -> rs.next() && rs.getBoolean(1),
                e -> new EventStoreException("Cannot look ahead in the event log", e));
        return Boolean.TRUE.equals(any);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // One transaction, so one connection: the batch took its positions from the sequence in order,
        // in this session, and currval is the last of them. The notification goes out with the commit.
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            Long last = JdbcUtils.executeQuery(getConnection(), c -> c.prepareStatement(positionQuery),
                    rs -> rs.next() ? rs.getLong(1) : null,
                    e -> new EventStoreException("Cannot read the position of appended events", e));
            if (last != null) {
                LogPosition.appended(last);
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

    @Override
    @SuppressWarnings("unchecked")
    protected <T> T readPayload(ResultSet resultSet, String columnName) throws SQLException {
        return (T) resultSet.getString(columnName);
    }

    private static PreparedStatement appendEvents(Connection connection, EventSchema schema,
                                                  Class<?> dataType, List<? extends EventMessage<?>> events,
                                                  Serializer serializer,
                                                  TimestampWriter timestampWriter)
            throws SQLException {
        return insert(connection, schema.domainEventTable(), schema, events, serializer, timestampWriter, true);
    }

    private static PreparedStatement insert(Connection connection, String table, EventSchema schema,
                                            List<? extends EventMessage<?>> events, Serializer serializer,
                                            TimestampWriter timestampWriter, boolean batch)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO " + table + " (" + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData(), Types.OTHER);
            statement.setObject(9, metaData.getData(), Types.OTHER);
            if (batch) {
                statement.addBatch();
            }
        }
        return statement;
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            return domain;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
