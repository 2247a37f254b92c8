package dev.warden.app.eventstore;

import dev.warden.keys.PendingDataKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/** The statements that write events and snapshots: their SQL and the binding of an event's nine columns. */
final class EventRows {

    private static final int COLUMNS = 9;

    private EventRows() {
    }

    /**
     * Inserts {@code events} in their order (so their positions ascend with it), answers the position
     * of the last one and queues the notification on {@code channel} that goes out with the commit. The
     * data keys the transaction made for new subjects go into {@code data_keys} in the same statement.
     */
    static PreparedStatement append(Connection connection, EventSchema schema, String channel,
                                    List<? extends EventMessage<?>> events, Serializer serializer,
                                    TimestampWriter timestampWriter) throws SQLException {
        String rows = String.join(",", Collections.nCopies(events.size(), "(?,?,?,?,?,?,?,?,?)"));
        List<PendingDataKeys.Row> keys = PendingDataKeys.take();
        String keyRows = keys.isEmpty() ? "" : "keys AS (INSERT INTO data_keys (subject_id, keyset, master_key_id) "
                + "VALUES " + String.join(",", Collections.nCopies(keys.size(), "(?,?,?)")) + "), ";
        PreparedStatement statement = connection.prepareStatement("WITH " + keyRows + "appended AS (INSERT INTO "
                + schema.domainEventTable() + " (" + schema.domainEventFields() + ") VALUES " + rows
                + " RETURNING " + schema.globalIndexColumn() + ") SELECT last, pg_notify('" + channel
                + "', last::text) FROM (SELECT max(" + schema.globalIndexColumn() + ") AS last FROM appended) a");
        int at = 0;
        for (PendingDataKeys.Row key : keys) {
            statement.setString(++at, key.subjectId());
            statement.setBytes(++at, key.keyset());
            statement.setString(++at, key.masterKeyId());
        }
        for (EventMessage<?> event : events) {
            bind(statement, at, asDomainEvent(event), serializer, timestampWriter);
            at += COLUMNS;
        }
        return statement;
    }

    static PreparedStatement insertSnapshot(Connection connection, EventSchema schema, DomainEventMessage<?> snapshot,
                                            Serializer serializer, TimestampWriter timestampWriter)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.snapshotTable() + " ("
                + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        bind(statement, 0, snapshot, serializer, timestampWriter);
        return statement;
    }

    /** Binds one event's nine columns, in the order of {@link EventSchema#domainEventFields()}, after {@code at}. */
    private static void bind(PreparedStatement statement, int at, DomainEventMessage<?> event, Serializer serializer,
                             TimestampWriter timestampWriter) throws SQLException {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        statement.setString(at + 1, event.getIdentifier());
        statement.setString(at + 2, event.getAggregateIdentifier());
        statement.setLong(at + 3, event.getSequenceNumber());
        statement.setString(at + 4, event.getType());
        timestampWriter.writeTimestamp(statement, at + 5, event.getTimestamp());
        statement.setString(at + 6, payload.getType().getName());
        statement.setString(at + 7, payload.getType().getRevision());
        statement.setObject(at + 8, payload.getData(), Types.OTHER);
        statement.setObject(at + 9, metaData.getData(), Types.OTHER);
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            return domain;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
