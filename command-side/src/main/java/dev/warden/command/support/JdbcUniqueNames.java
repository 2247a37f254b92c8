package dev.warden.command.support;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link UniqueNames} on the {@code command_unique_names} table, inside the command's transaction. */
@Component
class JdbcUniqueNames implements UniqueNames {

    private final JdbcClient jdbc;

    JdbcUniqueNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String scope, String key, String owner) {
        // A concurrent claim of the same key waits on the primary key until the other transaction
        // ends, then sees its row: exactly one of them wins.
        return jdbc.sql("""
                        INSERT INTO command_unique_names (scope, key, owner_id) VALUES (?, ?, ?)
                        ON CONFLICT (scope, key) DO UPDATE SET owner_id = EXCLUDED.owner_id
                        WHERE command_unique_names.owner_id = EXCLUDED.owner_id
                        RETURNING owner_id""")
                .params(scope, key, owner)
                .query(String.class)
                .optional()
                .isPresent();
    }

    @Override
    public void release(String scope, String key, String owner) {
        jdbc.sql("DELETE FROM command_unique_names WHERE scope = ? AND key = ? AND owner_id = ?")
                .params(scope, key, owner)
                .update();
    }

    @Override
    public boolean anyIn(String scope) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM command_unique_names WHERE scope = ?)")
                .param(scope)
                .query(Boolean.class)
                .single();
    }

    @Override
    public boolean anyOtherIn(String scope, String owner) {
        return jdbc.sql("SELECT owner_id FROM command_unique_names WHERE scope = ? ORDER BY key FOR UPDATE")
                .param(scope)
                .query(String.class)
                .list()
                .stream()
                .anyMatch(holder -> !holder.equals(owner));
    }

    @Override
    public boolean holdsAny(String scope, String owner) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM command_unique_names WHERE scope = ? AND owner_id = ?)")
                .params(scope, owner)
                .query(Boolean.class)
                .single();
    }

    @Override
    public List<String> keysOf(String scope, String owner) {
        return jdbc.sql("SELECT key FROM command_unique_names WHERE scope = ? AND owner_id = ? ORDER BY key")
                .params(scope, owner)
                .query(String.class)
                .list();
    }

    @Override
    public Optional<String> ownerOf(String scope, String key) {
        return jdbc.sql("SELECT owner_id FROM command_unique_names WHERE scope = ? AND key = ?")
                .params(scope, key)
                .query(String.class)
                .optional();
    }
}
