package dev.warden.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.query.support.ProjectionWrites.Batch;
import dev.warden.query.support.ProjectionWrites.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProjectionWritesTest {

    @Test
    void writesOfOneStatementShareABatchAcrossKeys() {
        List<Batch> batches = ProjectionWrites.plan(List.of(
                write("a", "create", 1), write("b", "create", 2), write("a", "grant", 3), write("c", "create", 4),
                write("b", "grant", 5)));

        assertThat(batches).extracting(Batch::sql).containsExactly("create", "grant");
        assertThat(values(batches.get(0))).containsExactly(1, 2, 4);
        assertThat(values(batches.get(1))).containsExactly(3, 5);
    }

    @Test
    void writesOfOneKeyKeepTheirOrder() {
        List<Write> writes = List.of(
                write("a", "grant", 1), write("a", "rename", 2), write("a", "grant", 3), write("b", "grant", 4),
                write("b", "rename", 5), write("c", "rename", 6), write("a", "rename", 7), write("c", "grant", 8));

        List<Batch> batches = ProjectionWrites.plan(writes);

        assertThat(batches).extracting(Batch::sql).containsExactly("grant", "rename", "grant", "rename");
        assertThat(orderPerKey(executed(batches), writes)).isEqualTo(orderPerKey(values(writes), writes));
        assertThat(values(batches.get(0))).containsExactly(1, 4);
        assertThat(values(batches.get(1))).containsExactly(2, 5, 6);
        assertThat(values(batches.get(2))).containsExactly(3, 8);
        assertThat(values(batches.get(3))).containsExactly(7);
    }

    @Test
    void anInsertThatIsNotIdempotentIsRefused() {
        assertThatThrownBy(() -> ProjectionWrites.requireIdempotent("INSERT INTO users (id) VALUES (?)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ON CONFLICT");
    }

    @Test
    void anUpdateOrDeleteWithoutThePositionGuardIsRefused() {
        assertThatThrownBy(() -> ProjectionWrites.requireIdempotent("UPDATE users SET email = ? WHERE id = ?"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last_event_position < ?");
        assertThatThrownBy(() -> ProjectionWrites.requireIdempotent("delete\nfrom roles where id = ?"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProjectionWrites.requireIdempotent(
                "UPDATE users SET email = ? WHERE id = ? AND last_event_position <= ?"))
                .as("the same event again would apply again").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProjectionWrites.requireIdempotent(
                "INSERT INTO roles (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET name = ?"))
                .as("an upsert updates").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idempotentStatementsPass() {
        assertThatNoException().isThrownBy(() -> ProjectionWrites.requireIdempotent(
                "INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO NOTHING"));
        assertThatNoException().isThrownBy(() -> ProjectionWrites.requireIdempotent(
                "UPDATE users SET updated_at = ? WHERE id = ? AND last_event_position < ?"));
        assertThatNoException().isThrownBy(() -> ProjectionWrites.requireIdempotent("""
                WITH touched AS (UPDATE roles SET version = ? WHERE id = ? AND last_event_position<? RETURNING id)
                DELETE FROM role_permissions WHERE role_id IN (SELECT id FROM touched)"""));
    }

    @Test
    void nothingQueuedPlansNothing() {
        assertThat(ProjectionWrites.plan(List.of())).isEmpty();
    }

    private static Write write(String key, String sql, int value) {
        return new Write(key, sql, new Object[] {value});
    }

    private static List<Integer> values(Batch batch) {
        return batch.params().stream().map(p -> (Integer) p[0]).toList();
    }

    private static List<Integer> values(List<Write> writes) {
        return writes.stream().map(w -> (Integer) w.params()[0]).toList();
    }

    private static List<Integer> executed(List<Batch> batches) {
        List<Integer> order = new ArrayList<>();
        batches.forEach(b -> order.addAll(values(b)));
        return order;
    }

    /** The values of each key, in the order given. */
    private static Map<String, List<Integer>> orderPerKey(List<Integer> order, List<Write> writes) {
        Map<String, List<Integer>> perKey = new TreeMap<>();
        for (int value : order) {
            String key = writes.stream().filter(w -> (Integer) w.params()[0] == value).findFirst().orElseThrow().key();
            perKey.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return perKey;
    }
}
