package dev.warden.keys;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One row of {@code data_keys}: a subject's keyset wrapped under the master key {@code masterKeyId}, or destroyed. */
record DataKeyRow(String subjectId, byte[] wrapped, String masterKeyId) {

    static Optional<DataKeyRow> find(JdbcClient jdbc, String subjectId) {
        return jdbc.sql("SELECT subject_id, keyset, master_key_id FROM data_keys WHERE subject_id = ?")
                .param(subjectId)
                .query((rs, n) -> new DataKeyRow(rs.getString(1), rs.getBytes(2), rs.getString(3)))
                .optional();
    }

    /** The keyset, unwrapped with {@code master}. */
    KeysetHandle keyset(MasterKey master) {
        if (wrapped == null) {
            throw new KeyDestroyedException(subjectId);
        }
        if (!master.id().equals(masterKeyId)) {
            throw new MasterKeyException("the data key of " + subjectId + " is wrapped under master key "
                    + masterKeyId + ", not " + master.id());
        }
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master.aead(), DataKeys.utf8(subjectId));
        } catch (GeneralSecurityException e) {
            throw new MasterKeyException("the data key of " + subjectId + " does not unwrap with master key "
                    + master.id());
        }
    }
}
