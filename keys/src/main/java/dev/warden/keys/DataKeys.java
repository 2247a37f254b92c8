package dev.warden.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption: each subject (whatever id a caller encrypts for) has its own data key, a Tink
 * AES-256-GCM keyset made on first use in the caller's transaction and stored in {@code data_keys}
 * wrapped by the master key, outside the event log. {@link #destroy} deletes it for good, so whatever
 * was encrypted with it, events included, can no longer be read (crypto-shredding). Ciphertexts carry
 * Tink's key id prefix; the associated data binds one to its owner. Unwrapped keysets are kept in memory
 * briefly ({@link KeysetCache}); no key material is ever logged. At start, the master key given must be
 * the one the data keys are wrapped under ({@link MasterKeyException} otherwise). Each operation's time
 * is recorded ({@link KeyTimers}), never with a subject in its tags.
 */
@Component
public class DataKeys implements SmartInitializingSingleton {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final JdbcClient jdbc;
    private final MasterKeySource masterKey;
    private final KeysetCache cache = new KeysetCache();
    private final NewKeys made = new NewKeys(cache);
    private final KeyTimers timers;

    @Autowired
    DataKeys(JdbcClient jdbc, KeysProperties properties, Environment environment,
             ObjectProvider<MeterRegistry> meters) {
        this(jdbc, new MasterKeySource(properties, environment.getProperty("warden.database.url", "").isBlank()),
                new KeyTimers(meters.getIfAvailable(SimpleMeterRegistry::new)));
    }

    public DataKeys(JdbcClient jdbc, MasterKeySource masterKey) {
        this(jdbc, masterKey, new KeyTimers(new SimpleMeterRegistry()));
    }

    private DataKeys(JdbcClient jdbc, MasterKeySource masterKey, KeyTimers timers) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.timers = timers;
    }

    /** {@code plaintext} encrypted with {@code subjectId}'s data key (made now if it has none), bound to {@code associatedData}. */
    public byte[] encrypt(String subjectId, byte[] plaintext, byte[] associatedData) {
        long start = System.nanoTime();
        try {
            return aead(subjectId, true).encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed for " + subjectId, e);
        } finally {
            timers.record(KeyTimers.ENCRYPT, start);
        }
    }

    /** {@link #encrypt(String, byte[], byte[])} of UTF-8 text. */
    public byte[] encrypt(String subjectId, String plaintext, String associatedData) {
        return encrypt(subjectId, utf8(plaintext), utf8(associatedData));
    }

    /**
     * The plaintext of {@code ciphertext}.
     *
     * @throws KeyDestroyedException when the subject's data key was destroyed
     * @throws CiphertextRefusedException when it does not decrypt (changed, or another owner's associated data)
     */
    public byte[] decrypt(String subjectId, byte[] ciphertext, byte[] associatedData) {
        long start = System.nanoTime();
        try {
            return aead(subjectId, false).decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new CiphertextRefusedException(subjectId);
        } finally {
            timers.record(KeyTimers.DECRYPT, start);
        }
    }

    /** {@link #decrypt(String, byte[], byte[])} of UTF-8 text. */
    public String decryptText(String subjectId, byte[] ciphertext, String associatedData) {
        return new String(decrypt(subjectId, ciphertext, utf8(associatedData)), StandardCharsets.UTF_8);
    }

    /** Deletes {@code subjectId}'s data key for good (in the caller's transaction); no new one is made for it after. */
    public void destroy(String subjectId) {
        long start = System.nanoTime();
        jdbc.sql("""
                        INSERT INTO data_keys (subject_id, keyset, master_key_id, destroyed_at)
                        VALUES (?, NULL, NULL, now())
                        ON CONFLICT (subject_id) DO UPDATE SET keyset = NULL, master_key_id = NULL,
                            destroyed_at = coalesce(data_keys.destroyed_at, now())""")
                .param(subjectId)
                .update();
        cache.remove(subjectId);
        made.remove(subjectId);
        timers.record(KeyTimers.DESTROY, start);
    }

    /** Fails the start when data keys exist and the master key given is not the one they are wrapped under. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> ids = jdbc.sql("SELECT DISTINCT master_key_id FROM data_keys WHERE destroyed_at IS NULL "
                + "ORDER BY master_key_id").query(String.class).list();
        if (ids.isEmpty()) {
            return;
        }
        Optional<MasterKey> given = masterKey.configured();
        if (given.isEmpty()) {
            throw new MasterKeyException("data keys exist, wrapped under master key " + String.join(", ", ids)
                    + ": set WARDEN_MASTER_KEY or WARDEN_MASTER_KEY_FILE to that key");
        }
        if (!ids.equals(List.of(given.get().id()))) {
            throw new MasterKeyException("the data keys are wrapped under master key " + String.join(", ", ids)
                    + " but the master key given has id " + given.get().id()
                    + ": give that key (or finish `warden keys rotate-master`)");
        }
    }

    private Aead aead(String subjectId, boolean create) throws GeneralSecurityException {
        Optional<Aead> cached = cache.get(subjectId).or(() -> made.get(subjectId));
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<DataKeyRow> row = DataKeyRow.find(jdbc, subjectId);
        if (row.isEmpty() && create) {
            long start = System.nanoTime();
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            MasterKey master = masterKey.require();
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), utf8(subjectId));
            int inserted = jdbc.sql("INSERT INTO data_keys (subject_id, keyset, master_key_id) VALUES (?, ?, ?) "
                            + "ON CONFLICT (subject_id) DO NOTHING")
                    .params(subjectId, wrapped, master.id())
                    .update();
            timers.record(KeyTimers.CREATE, start);
            if (inserted == 1) {
                // Cached only once the caller's transaction commits: it may yet roll the new row back.
                Aead aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
                made.add(subjectId, aead);
                return aead;
            }
            row = DataKeyRow.find(jdbc, subjectId);
        }
        if (row.isEmpty()) {
            throw new CiphertextRefusedException(subjectId);
        }
        Aead aead = row.get().unwrap(masterKey.configured().orElseThrow(() -> new MasterKeyException(
                "no master key: set WARDEN_MASTER_KEY or WARDEN_MASTER_KEY_FILE to the key the data keys are wrapped under")));
        cache.put(subjectId, aead);
        return aead;
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
