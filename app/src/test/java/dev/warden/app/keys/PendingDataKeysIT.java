package dev.warden.app.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.keys.DataKeys;
import dev.warden.keys.KeysProperties;
import dev.warden.keys.MasterKey;
import dev.warden.keys.MasterKeySource;
import dev.warden.keys.PendingDataKeys;
import dev.warden.testdatabase.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data key of a subject new in a transaction waits for the transaction's event append, which
 * writes it in its own statement ({@link PendingDataKeys#take}); what no append took is written just
 * before the commit, and nothing is kept of a rollback. Outside a transaction the key is written at once.
 */
class PendingDataKeysIT {

    private final DataSource dataSource = TestDatabase.migrated(TestDatabase.url("data_keys"));
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final DataKeys keys = new DataKeys(jdbc, new MasterKeySource(
            new KeysProperties(MasterKey.generateBase64(), "", "unused"), false));

    @BeforeEach
    void emptyTable() {
        jdbc.sql("DELETE FROM data_keys").update();
    }

    @Test
    void theAppendTakesTheWaitingRowsAndNothingIsWrittenTwice() {
        List<PendingDataKeys.Row> taken = transactions.execute(status -> {
            byte[] first = keys.encryptNew("cred-new-1", "one", "ad");
            byte[] second = keys.encryptNew("cred-new-1", "two", "ad");
            assertThat(keys.decryptText("cred-new-1", second, "ad")).isEqualTo("two");
            assertThat(rows("cred-new-1")).as("nothing written before the append").isZero();
            List<PendingDataKeys.Row> rows = PendingDataKeys.take();
            assertThat(PendingDataKeys.take()).as("taken once").isEmpty();
            rows.forEach(row -> jdbc.sql("INSERT INTO data_keys (subject_id, keyset, master_key_id) VALUES (?, ?, ?)")
                    .params(row.subjectId(), row.keyset(), row.masterKeyId()).update());
            assertThat(keys.decryptText("cred-new-1", first, "ad")).isEqualTo("one");
            return rows;
        });

        assertThat(taken).extracting(PendingDataKeys.Row::subjectId).containsExactly("cred-new-1");
        assertThat(rows("cred-new-1")).isEqualTo(1);
    }

    @Test
    void whatNoAppendTookIsWrittenBeforeTheCommitAndARollbackKeepsNothing() {
        byte[] committed = transactions.execute(status -> keys.encryptNew("cred-new-2", "kept", "ad"));
        byte[] rolledBack = transactions.execute(status -> {
            status.setRollbackOnly();
            return keys.encryptNew("cred-new-3", "dropped", "ad");
        });

        assertThat(rows("cred-new-2")).isEqualTo(1);
        assertThat(keys.decryptText("cred-new-2", committed, "ad")).isEqualTo("kept");
        assertThat(rows("cred-new-3")).isZero();
        assertThat(rolledBack).isNotEmpty();
        List<PendingDataKeys.Row> after = transactions.execute(status -> PendingDataKeys.take());
        assertThat(after).as("nothing waits after").isEmpty();
    }

    @Test
    void aKeyDestroyedInTheTransactionThatMadeItIsNeverWritten() {
        transactions.executeWithoutResult(status -> {
            keys.encryptNew("cred-new-4", "short-lived", "ad");
            keys.destroy("cred-new-4");
        });

        assertThat(jdbc.sql("SELECT count(*) FROM data_keys WHERE subject_id = 'cred-new-4' AND keyset IS NULL "
                + "AND destroyed_at IS NOT NULL").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void outsideATransactionTheKeyIsWrittenAtOnce() {
        byte[] ciphertext = keys.encryptNew("cred-new-5", "now", "ad");

        assertThat(rows("cred-new-5")).isEqualTo(1);
        assertThat(keys.decryptText("cred-new-5", ciphertext, "ad")).isEqualTo("now");
    }

    private long rows(String subjectId) {
        return jdbc.sql("SELECT count(*) FROM data_keys WHERE subject_id = ? AND keyset IS NOT NULL")
                .param(subjectId).query(Long.class).single();
    }
}
