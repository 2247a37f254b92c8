package dev.warden.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Envelope encryption: each subject (whatever id a caller encrypts for) has its own data key, a Tink
 * AES-256-GCM keyset made on first use in the caller's transaction and stored in {@code data_keys}
 * wrapped by the master key, outside the event log. {@link #destroy} deletes it for good, so whatever
 * was encrypted with it, events included, can no longer be read (crypto-shredding). Ciphertexts carry
 * Tink's key id prefix; the associated data binds one to its owner. Unwrapped keysets are kept in memory
 * briefly ({@link KeysetCache}); no key material is ever logged. At start, the master key given must be
 * the one the data keys are wrapped under ({@link MasterKeyException} otherwise). {@link #keyedHash} gives
 * keyed hashes under hash keys kept the same way, to index values that are kept only encrypted. Each
 * operation's time is recorded ({@link KeyTimers}), never with a subject in its tags.
 */
@Component
public class DataKeys implements SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final MasterKeySource masterKey;
    private final KeysetStore keysets;
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
        this.keysets = new KeysetStore(jdbc, masterKey, timers);
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

    /**
     * {@link #encrypt(String, String, String)} for a subject that is new in the current transaction (a
     * credential being stored): its data key is made without looking for one, and its row is written with
     * the transaction's events (one statement, {@link PendingDataKeys}). A subject that has a key already
     * fails the transaction when the row is written, so give only ids made for this transaction.
     */
    public byte[] encryptNew(String subjectId, String plaintext, String associatedData) {
        long start = System.nanoTime();
        try {
            return keysets.fresh(subjectId, PredefinedAeadParameters.AES256_GCM, Aead.class)
                    .encrypt(utf8(plaintext), utf8(associatedData));
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

    /**
     * A keyed hash (HMAC-SHA256 through Tink's PRF) of {@code input}, as 64 hex digits, under {@code subjectId}'s
     * own hash key (made now if it has none; kept in {@code data_keys} and re-wrapped by a master key rotation
     * like every data key). Equal inputs give equal hashes, so it can index a value without holding it; without
     * the key nobody can test a guess against it. A subject holds either a hash key or an encryption key.
     */
    public String keyedHash(String subjectId, byte[] input) {
        try {
            byte[] mac = keysets.primitive(subjectId, true, PredefinedPrfParameters.HMAC_SHA256_PRF, PrfSet.class)
                    .computePrimary(input, 32);
            return HexFormat.of().formatHex(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyed hash failed for " + subjectId, e);
        }
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
        keysets.forget(subjectId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // A read between now and the commit still sees the live row and may keep the key again.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    keysets.forget(subjectId);
                }
            });
        }
        timers.record(KeyTimers.DESTROY, start);
    }

    /**
     * Drops {@code subjectId}'s unwrapped key from this process's memory, so its next use reads {@code data_keys}
     * again: for a process that learns another one destroyed the key (a replay right after must not decrypt).
     */
    public void forget(String subjectId) {
        keysets.forget(subjectId);
    }

    /**
     * Fails the start when no master key can be had (none given, and the database is not the embedded
     * default that generates one), or when data keys exist and the master key given is not the one they
     * are wrapped under.
     */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> ids = jdbc.sql("SELECT DISTINCT master_key_id FROM data_keys WHERE destroyed_at IS NULL "
                + "ORDER BY master_key_id").query(String.class).list();
        if (ids.isEmpty()) {
            if (!masterKey.available()) {
                throw MasterKeySource.noKey();
            }
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
        return keysets.primitive(subjectId, create, PredefinedAeadParameters.AES256_GCM, Aead.class);
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
