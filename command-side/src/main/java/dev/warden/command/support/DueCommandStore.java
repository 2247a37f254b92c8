package dev.warden.command.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link DueCommands} on the {@code due_commands} table, commands stored as the command bus would
 * carry them (Axon's message serializer). Claims lock a row until the claiming transaction ends and
 * skip rows other transactions hold, so instances polling together never take the same row.
 */
@Component
public class DueCommandStore implements DueCommands {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    DueCommandStore(JdbcClient jdbc, @Qualifier("messageSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public void schedule(String key, Instant dueAt, Object command) {
        SerializedObject<String> form = serializer.serialize(command, String.class);
        jdbc.sql("""
                        INSERT INTO due_commands (key, due_at, command_type, command_revision, command)
                        VALUES (?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (key) DO UPDATE SET due_at = EXCLUDED.due_at,
                            command_type = EXCLUDED.command_type, command_revision = EXCLUDED.command_revision,
                            command = EXCLUDED.command, version = due_commands.version + 1,
                            attempts = 0, last_error = NULL""")
                .params(key, Timestamp.from(dueAt), form.getType().getName(), form.getType().getRevision(),
                        form.getData())
                .update();
    }

    @Override
    public void cancel(String key) {
        jdbc.sql("DELETE FROM due_commands WHERE key = ?").param(key).update();
    }

    /** The command due soonest at {@code now} that no other transaction holds, locked by this one. */
    Optional<Due> claimNext(Instant now) {
        return jdbc.sql("""
                        SELECT key, version, attempts, command_type, command_revision, command::text
                        FROM due_commands WHERE due_at <= ?
                        ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** The command a claimed row holds. */
    Object command(Due due) {
        return serializer.deserialize(new SimpleSerializedObject<>(due.command(), String.class, due.type(),
                due.revision()));
    }

    /** Ends a row that was sent or refused, unless it has been scheduled again since it was claimed. */
    void complete(Due due) {
        jdbc.sql("DELETE FROM due_commands WHERE key = ? AND version = ?").params(due.key(), due.version()).update();
    }

    /** Tries a row again at {@code retryAt}, noting why it failed, unless it has been scheduled again. */
    void postpone(Due due, Instant retryAt, String error) {
        jdbc.sql("""
                        UPDATE due_commands SET due_at = ?, attempts = attempts + 1, last_error = ?
                        WHERE key = ? AND version = ?""")
                .params(Timestamp.from(retryAt), error, due.key(), due.version())
                .update();
    }

    /** A claimed row: which schedule of its key it is, how often it failed, and its command as stored. */
    record Due(String key, long version, int attempts, String type, String revision, String command) {
    }
}
