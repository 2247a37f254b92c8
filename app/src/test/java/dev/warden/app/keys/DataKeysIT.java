package dev.warden.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.app.cli.KeysCli;
import dev.warden.keys.CiphertextRefusedException;
import dev.warden.keys.DataKeys;
import dev.warden.keys.KeyDestroyedException;
import dev.warden.keys.KeysProperties;
import dev.warden.keys.MasterKey;
import dev.warden.keys.MasterKeyException;
import dev.warden.keys.MasterKeyRotation;
import dev.warden.keys.MasterKeySource;
import dev.warden.testdatabase.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data keys on a real PostgreSQL database of their own: a round trip, refused tampering, shredding,
 * master key rotation (with a rerun after an interruption) and the start-up check of the master key.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataKeysIT {

    private static final String KEY_A = MasterKey.generateBase64();
    private static final String KEY_B = MasterKey.generateBase64();

    private final DataSource dataSource = TestDatabase.migrated(TestDatabase.url("data_keys"));
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @BeforeEach
    void emptyTable() {
        jdbc.sql("DELETE FROM data_keys").update();
    }

    @Test
    void roundTripWithTinksKeyIdPrefix() {
        DataKeys keys = keys(KEY_A);
        byte[] ciphertext = keys.encrypt("subject-1", "s3cret value", "credential-1");

        assertThat(keys.decryptText("subject-1", ciphertext, "credential-1")).isEqualTo("s3cret value");
        assertThat(ciphertext[0]).as("Tink's prefix: version byte, then the key id").isEqualTo((byte) 1);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
        assertThat(jdbc.sql("SELECT master_key_id FROM data_keys WHERE subject_id = 'subject-1'").query(String.class)
                .single()).isEqualTo(master(KEY_A).id());
        assertThat(keys(KEY_A).decryptText("subject-1", ciphertext, "credential-1"))
                .as("a second instance reads the stored key").isEqualTo("s3cret value");
    }

    @Test
    void aKeyMadeInATransactionServesItUntilItEndsAndIsKeptOnlyIfItCommits() {
        DataKeys keys = keys(KEY_A);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        byte[][] rolledBack = transactions.execute(status -> {
            status.setRollbackOnly();
            byte[] first = keys.encrypt("subject-rb", "one", "ad");
            byte[] second = keys.encrypt("subject-rb", "two", "ad");
            assertThat(keys.decryptText("subject-rb", first, "ad")).isEqualTo("one");
            return new byte[][] {first, second};
        });
        assertThat(jdbc.sql("SELECT count(*) FROM data_keys WHERE subject_id = 'subject-rb'").query(Long.class)
                .single()).isZero();
        assertThatThrownBy(() -> keys.decryptText("subject-rb", rolledBack[1], "ad"))
                .as("the rolled-back key is forgotten").isInstanceOf(CiphertextRefusedException.class);

        byte[] committed = transactions.execute(status -> {
            byte[] first = keys.encrypt("subject-ok", "one", "ad");
            keys.encrypt("subject-ok", "two", "ad");
            return first;
        });
        jdbc.sql("UPDATE data_keys SET keyset = decode('00', 'hex') WHERE subject_id = 'subject-ok'").update();
        assertThat(keys.decryptText("subject-ok", committed, "ad")).as("cached once committed").isEqualTo("one");
    }

    @Test
    void changedByteOrAnotherOwnersAssociatedDataIsRefused() {
        DataKeys keys = keys(KEY_A);
        byte[] ciphertext = keys.encrypt("subject-1", "s3cret value", "credential-1");
        keys.encrypt("subject-2", "other", "credential-2");

        byte[] changed = Arrays.copyOf(ciphertext, ciphertext.length);
        changed[changed.length - 1] ^= 1;
        assertThatThrownBy(() -> keys.decryptText("subject-1", changed, "credential-1"))
                .isInstanceOf(CiphertextRefusedException.class);
        assertThatThrownBy(() -> keys.decryptText("subject-1", ciphertext, "credential-2"))
                .isInstanceOf(CiphertextRefusedException.class);
        assertThatThrownBy(() -> keys.decryptText("subject-2", ciphertext, "credential-1"))
                .isInstanceOf(CiphertextRefusedException.class);
        assertThatThrownBy(() -> keys.decryptText("nobody", ciphertext, "credential-1"))
                .isInstanceOf(CiphertextRefusedException.class);
    }

    @Test
    void destroyedKeyDecryptsNothingAndIsNotRemade() {
        DataKeys keys = keys(KEY_A);
        byte[] ciphertext = keys.encrypt("subject-1", "s3cret value", "credential-1");
        keys.decrypt("subject-1", ciphertext, "credential-1".getBytes(StandardCharsets.UTF_8));

        keys.destroy("subject-1");

        assertThatThrownBy(() -> keys.decryptText("subject-1", ciphertext, "credential-1"))
                .isInstanceOf(KeyDestroyedException.class);
        assertThatThrownBy(() -> keys(KEY_A).decryptText("subject-1", ciphertext, "credential-1"))
                .isInstanceOf(KeyDestroyedException.class);
        assertThatThrownBy(() -> keys.encrypt("subject-1", "again", "credential-1"))
                .isInstanceOf(KeyDestroyedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM data_keys WHERE subject_id = 'subject-1' AND keyset IS NULL "
                + "AND destroyed_at IS NOT NULL").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rotationRewrapsEveryKeyAndARerunFinishesAnInterruptedRun() {
        DataKeys before = keys(KEY_A);
        byte[] one = before.encrypt("subject-1", "one", "c1");
        byte[] two = before.encrypt("subject-2", "two", "c2");
        byte[] three = before.encrypt("subject-3", "three", "c3");
        before.encrypt("shredded", "gone", "c4");
        before.destroy("shredded");
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        MasterKeyRotation rotation = new MasterKeyRotation(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));

        MasterKeyRotation.Result interrupted = rotation.rotate(master(KEY_A), master(KEY_B), 1);
        assertThat(interrupted.rewrapped()).isEqualTo(1);
        assertThatThrownBy(() -> keys(KEY_B).afterSingletonsInstantiated()).isInstanceOf(MasterKeyException.class);

        MasterKeyRotation.Result rerun = rotation.rotate(master(KEY_A), master(KEY_B), Integer.MAX_VALUE);
        assertThat(rerun).isEqualTo(new MasterKeyRotation.Result(2, 1));
        assertThat(rotation.rotate(master(KEY_A), master(KEY_B), Integer.MAX_VALUE))
                .isEqualTo(new MasterKeyRotation.Result(0, 3));

        DataKeys after = keys(KEY_B);
        after.afterSingletonsInstantiated();
        assertThat(after.decryptText("subject-1", one, "c1")).isEqualTo("one");
        assertThat(after.decryptText("subject-2", two, "c2")).isEqualTo("two");
        assertThat(after.decryptText("subject-3", three, "c3")).isEqualTo("three");
        byte[] four = after.encrypt("subject-4", "four", "c4");
        assertThat(keys(KEY_B).decryptText("subject-4", four, "c4")).isEqualTo("four");
        assertThatThrownBy(() -> after.decryptText("shredded", one, "c4")).isInstanceOf(KeyDestroyedException.class);
        assertThat(jdbc.sql("SELECT DISTINCT master_key_id FROM data_keys WHERE destroyed_at IS NULL")
                .query(String.class).list()).containsExactly(master(KEY_B).id());
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void startWithAnotherMasterKeyOrNoneNamesBothKeyIds() {
        keys(KEY_A).encrypt("subject-1", "one", "c1");

        keys(KEY_A).afterSingletonsInstantiated();
        assertThatThrownBy(() -> keys(KEY_B).afterSingletonsInstantiated())
                .isInstanceOf(MasterKeyException.class)
                .hasMessage("the data keys are wrapped under master key " + master(KEY_A).id()
                        + " but the master key given has id " + master(KEY_B).id()
                        + ": give that key (or finish `warden keys rotate-master`)");
        assertThatThrownBy(() -> keys("").afterSingletonsInstantiated())
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("data keys exist, wrapped under master key " + master(KEY_A).id());
        assertThatThrownBy(() -> keys("").encrypt("subject-2", "two", "c2"))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("no master key: set WARDEN_MASTER_KEY or WARDEN_MASTER_KEY_FILE");
    }

    @Test
    void noKeyMaterialInTheLogs(CapturedOutput output) {
        DataKeys keys = keys(KEY_A);
        byte[] ciphertext = keys.encrypt("subject-1", "s3cret value", "c1");
        keys.decryptText("subject-1", ciphertext, "c1");
        assertThatThrownBy(() -> keys(KEY_B).decryptText("subject-1", ciphertext, "c1"))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageNotContaining(KEY_A).hasMessageNotContaining(KEY_B);

        assertThat(output.getAll()).doesNotContain(KEY_A).doesNotContain(KEY_B).doesNotContain("s3cret");
        assertThat(master(KEY_A).toString()).isEqualTo("MasterKey[" + master(KEY_A).id() + "]");
    }

    @Test
    void rotateMasterCommandRewrapsAndPrintsTheCounts(@TempDir Path dir, CapturedOutput output) throws Exception {
        keys(KEY_A).encrypt("subject-1", "one", "c1");
        byte[] two = keys(KEY_A).encrypt("subject-2", "two", "c2");
        Path newKey = dir.resolve("new.key");
        Files.writeString(newKey, KEY_B + "\n");
        System.setProperty("warden.database.url", TestDatabase.url("data_keys"));
        System.setProperty("warden.keys.master-key", KEY_A);
        int code;
        int usage;
        try {
            code = KeysCli.run(new String[] {"keys", "rotate-master", "--new-key-file=" + newKey});
            usage = KeysCli.run(new String[] {"keys", "rotate"});
        } finally {
            System.clearProperty("warden.database.url");
            System.clearProperty("warden.keys.master-key");
        }

        assertThat(code).as(output.getErr()).isZero();
        assertThat(usage).isEqualTo(2);
        assertThat(output.getOut()).contains("Re-wrapped 2 data key(s) from master key " + master(KEY_A).id()
                + " to " + master(KEY_B).id() + " (0 were under it already)");
        assertThat(keys(KEY_B).decryptText("subject-2", two, "c2")).isEqualTo("two");
        assertThat(output.getAll()).doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    private DataKeys keys(String masterKey) {
        return new DataKeys(jdbc, new MasterKeySource(new KeysProperties(masterKey, "", "unused"), false));
    }

    private static MasterKey master(String base64) {
        return MasterKey.fromBase64(base64, "test");
    }
}
