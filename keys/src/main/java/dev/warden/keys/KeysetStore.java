package dev.warden.keys;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keysets of {@code data_keys}, whatever their kind (an AEAD to encrypt, a PRF to hash): found, or
 * made on first use in the caller's transaction, unwrapped with the master key and kept briefly in
 * memory. One row per subject; its kind is fixed by the first use.
 */
final class KeysetStore {

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Makes sure Tink knows every kind of keyset {@code data_keys} may hold (the static block above runs once). */
    static void registerKinds() {
        // Loading this class registered them.
    }

    private final JdbcClient jdbc;
    private final MasterKeySource masterKey;
    private final KeysetCache cache = new KeysetCache();
    private final NewKeys made = new NewKeys(cache);
    private final KeyTimers timers;

    KeysetStore(JdbcClient jdbc, MasterKeySource masterKey, KeyTimers timers) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.timers = timers;
    }

    /**
     * The primitive of {@code subjectId}'s keyset; with {@code create}, a new keyset of {@code parameters}
     * is made when the subject has none.
     *
     * @throws KeyDestroyedException when the subject's key was destroyed
     * @throws CiphertextRefusedException when the subject has none and none may be made
     */
    <P> P primitive(String subjectId, boolean create, Parameters parameters, Class<P> kind)
            throws GeneralSecurityException {
        Optional<Object> cached = cache.get(subjectId).or(() -> made.get(subjectId));
        if (cached.isPresent() && kind.isInstance(cached.get())) {
            return kind.cast(cached.get());
        }
        Optional<DataKeyRow> row;
        if (create) {
            KeysetHandle keyset = KeysetHandle.generateNew(parameters);
            Made outcome = makeOrFind(subjectId, keyset);
            if (outcome.made()) {
                // Cached only once the caller's transaction commits (NewKeys): it may yet roll the new row back.
                P primitive = keyset.getPrimitive(RegistryConfiguration.get(), kind);
                made.add(subjectId, primitive);
                return primitive;
            }
            row = Optional.ofNullable(outcome.existing()).or(() -> DataKeyRow.find(jdbc, subjectId));
        } else {
            row = DataKeyRow.find(jdbc, subjectId);
        }
        if (row.isEmpty()) {
            throw new CiphertextRefusedException(subjectId);
        }
        P primitive = row.get().keyset(masterKey.configured().orElseThrow(() -> new MasterKeyException(
                        "no master key: set WARDEN_MASTER_KEY or WARDEN_MASTER_KEY_FILE to the key the data keys are wrapped under")))
                .getPrimitive(RegistryConfiguration.get(), kind);
        cache.put(subjectId, primitive);
        return primitive;
    }

    /**
     * The primitive of a new keyset for {@code subjectId}, a subject new in the current transaction: its
     * row waits for the transaction's event append ({@link PendingDataKeys}). Outside a transaction it is
     * {@link #primitive} with {@code create}.
     */
    <P> P fresh(String subjectId, Parameters parameters, Class<P> kind) throws GeneralSecurityException {
        Optional<Object> known = made.get(subjectId);
        if (known.isPresent() && kind.isInstance(known.get())) {
            return kind.cast(known.get());
        }
        if (!PendingDataKeys.active()) {
            return primitive(subjectId, true, parameters, kind);
        }
        long start = System.nanoTime();
        KeysetHandle keyset = KeysetHandle.generateNew(parameters);
        MasterKey master = masterKey.require();
        byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), DataKeys.utf8(subjectId));
        PendingDataKeys.add(jdbc, new PendingDataKeys.Row(subjectId, wrapped, master.id()));
        P primitive = keyset.getPrimitive(RegistryConfiguration.get(), kind);
        made.add(subjectId, primitive);
        timers.record(KeyTimers.CREATE, start);
        return primitive;
    }

    /**
     * Stores {@code keyset} as the subject's data key unless it has one, and says which happened (with
     * the row the subject has, if it saw one). One statement, so a new subject's key costs one round trip: the insert
     * and the look-up of an existing row travel together. A row another transaction committed while the
     * statement ran is outside its snapshot, and is read again.
     */
    private Made makeOrFind(String subjectId, KeysetHandle keyset) throws GeneralSecurityException {
        long start = System.nanoTime();
        MasterKey master = masterKey.require();
        byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), DataKeys.utf8(subjectId));
        Made outcome = jdbc.sql("""
                        WITH made AS (
                            INSERT INTO data_keys (subject_id, keyset, master_key_id) VALUES (:subject, :keyset, :master)
                            ON CONFLICT (subject_id) DO NOTHING RETURNING subject_id)
                        SELECT (SELECT count(*) FROM made) AS made, d.subject_id, d.keyset, d.master_key_id
                        FROM (SELECT 1) AS one LEFT JOIN data_keys d ON d.subject_id = :subject""")
                .param("subject", subjectId).param("keyset", wrapped).param("master", master.id())
                .query((rs, n) -> new Made(rs.getLong("made") == 1, rs.getString("subject_id") == null ? null
                        : new DataKeyRow(subjectId, rs.getBytes("keyset"), rs.getString("master_key_id"))))
                .single();
        timers.record(KeyTimers.CREATE, start);
        return outcome;
    }

    /** What {@link #makeOrFind} did: stored the new key, or saw the subject's row (null when outside its snapshot). */
    private record Made(boolean made, DataKeyRow existing) {
    }

    void forget(String subjectId) {
        PendingDataKeys.drop(subjectId);
        cache.remove(subjectId);
        made.remove(subjectId);
    }
}
