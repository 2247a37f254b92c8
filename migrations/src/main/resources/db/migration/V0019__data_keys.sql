-- Envelope encryption: one data key (a Tink AES-256-GCM keyset) per subject, wrapped by the master
-- key, kept outside the event log so that deleting it shreds every ciphertext made with it.
CREATE TABLE data_keys (
    subject_id    text        PRIMARY KEY,
    -- The keyset encrypted by the master key; NULL once destroyed (the row stays so the subject's
    -- ciphertexts report "destroyed" and no new key is made for it).
    keyset        bytea,
    -- The id of the master key the keyset is wrapped under; NULL once destroyed.
    master_key_id text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    destroyed_at  timestamptz,
    CONSTRAINT data_keys_live_or_destroyed CHECK (
        (destroyed_at IS NULL AND keyset IS NOT NULL AND master_key_id IS NOT NULL)
        OR (destroyed_at IS NOT NULL AND keyset IS NULL AND master_key_id IS NULL))
);

CREATE INDEX data_keys_master_key_id ON data_keys (master_key_id) WHERE destroyed_at IS NULL;
