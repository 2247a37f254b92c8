package dev.warden.keys;

import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-wraps every live data key from the old master key to the new one, one row per transaction, recording
 * the new key's id with each row; an interrupted run leaves each row under one key or the other and a
 * rerun finishes the rest. The data keys themselves, and so every ciphertext and the event log, stay as
 * they are. Any kind of keyset is re-wrapped alike: encryption keys and hash keys.
 */
public final class MasterKeyRotation {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public MasterKeyRotation(JdbcClient jdbc, TransactionTemplate transactions) {
        KeysetStore.registerKinds();
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** What a run did: rows re-wrapped now, rows already under the new key before. */
    public record Result(int rewrapped, long alreadyNew) {
    }

    /** Re-wraps up to {@code limit} rows still under {@code from} so they are under {@code to}. */
    public Result rotate(MasterKey from, MasterKey to, int limit) {
        if (from.id().equals(to.id())) {
            throw new MasterKeyException("the new master key is the current one (" + to.id() + ")");
        }
        long alreadyNew = jdbc.sql("SELECT count(*) FROM data_keys WHERE master_key_id = ?")
                .param(to.id()).query(Long.class).single();
        long foreign = jdbc.sql("SELECT count(*) FROM data_keys WHERE destroyed_at IS NULL "
                        + "AND master_key_id NOT IN (?, ?)")
                .params(from.id(), to.id()).query(Long.class).single();
        if (foreign > 0) {
            throw new MasterKeyException(foreign + " data key(s) are wrapped under neither master key " + from.id()
                    + " nor " + to.id());
        }
        int rewrapped = 0;
        while (rewrapped < limit && Boolean.TRUE.equals(transactions.execute(status -> rewrapOne(from, to)))) {
            rewrapped++;
        }
        return new Result(rewrapped, alreadyNew);
    }

    private boolean rewrapOne(MasterKey from, MasterKey to) {
        Optional<DataKeyRow> row = jdbc.sql("SELECT subject_id, keyset, master_key_id FROM data_keys "
                        + "WHERE destroyed_at IS NULL AND master_key_id = ? ORDER BY subject_id LIMIT 1 FOR UPDATE")
                .param(from.id())
                .query((rs, n) -> new DataKeyRow(rs.getString(1), rs.getBytes(2), rs.getString(3)))
                .optional();
        if (row.isEmpty()) {
            return false;
        }
        String subjectId = row.get().subjectId();
        byte[] rewrapped;
        try {
            rewrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(row.get().keyset(from), to.aead(),
                    DataKeys.utf8(subjectId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot re-wrap the data key of " + subjectId, e);
        }
        jdbc.sql("UPDATE data_keys SET keyset = ?, master_key_id = ? WHERE subject_id = ?")
                .params(rewrapped, to.id(), subjectId)
                .update();
        return true;
    }
}
