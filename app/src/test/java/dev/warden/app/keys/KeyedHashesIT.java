package dev.warden.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.keys.DataKeys;
import dev.warden.keys.KeyDestroyedException;
import dev.warden.keys.KeysProperties;
import dev.warden.keys.MasterKey;
import dev.warden.keys.MasterKeyRotation;
import dev.warden.keys.MasterKeySource;
import dev.warden.testdatabase.TestDatabase;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keyed hashes under hash keys kept in {@code data_keys}: stable across instances, different per key,
 * re-wrapped by a master key rotation alongside the AEAD data keys, and gone with a destroyed key.
 */
class KeyedHashesIT {

    private static final String KEY_A = MasterKey.generateBase64();
    private static final String KEY_B = MasterKey.generateBase64();

    private final DataSource dataSource = TestDatabase.migrated(TestDatabase.url("keyed_hashes"));
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @BeforeEach
    void emptyTable() {
        jdbc.sql("DELETE FROM data_keys").update();
    }

    @Test
    void sameInputSameHashUnderOneKeyAndAnotherUnderAnother() {
        String first = keys(KEY_A).keyedHash("index:test", bytes("alice@example.com"));

        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(keys(KEY_A).keyedHash("index:test", bytes("alice@example.com")))
                .as("a second instance reads the stored hash key").isEqualTo(first);
        assertThat(keys(KEY_A).keyedHash("index:test", bytes("bob@example.com"))).isNotEqualTo(first);
        assertThat(keys(KEY_A).keyedHash("index:other", bytes("alice@example.com")))
                .as("another subject, another key").isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM data_keys WHERE subject_id LIKE 'index:%'").query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void rotationRewrapsHashKeysWithDataKeysAndHashesStayTheSame() {
        DataKeys before = keys(KEY_A);
        String hash = before.keyedHash("index:test", bytes("alice@example.com"));
        byte[] ciphertext = before.encrypt("subject-1", "one", "c1");
        MasterKeyRotation rotation = new MasterKeyRotation(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));

        assertThat(rotation.rotate(master(KEY_A), master(KEY_B), Integer.MAX_VALUE))
                .isEqualTo(new MasterKeyRotation.Result(2, 0));

        DataKeys after = keys(KEY_B);
        after.afterSingletonsInstantiated();
        assertThat(after.keyedHash("index:test", bytes("alice@example.com"))).isEqualTo(hash);
        assertThat(after.decryptText("subject-1", ciphertext, "c1")).isEqualTo("one");
        String afterRotation = after.keyedHash("index:new", bytes("x"));
        assertThat(keys(KEY_B).keyedHash("index:new", bytes("x"))).isEqualTo(afterRotation);
    }

    @Test
    void destroyedHashKeyHashesNothing() {
        DataKeys keys = keys(KEY_A);
        keys.keyedHash("index:test", bytes("alice@example.com"));

        keys.destroy("index:test");

        assertThatThrownBy(() -> keys.keyedHash("index:test", bytes("alice@example.com")))
                .isInstanceOf(KeyDestroyedException.class);
    }

    private DataKeys keys(String masterKey) {
        return new DataKeys(jdbc, new MasterKeySource(new KeysProperties(masterKey, "", "unused"), false));
    }

    private static MasterKey master(String base64) {
        return MasterKey.fromBase64(base64, "test");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
