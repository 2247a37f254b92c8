-- Name uniqueness is the command side's decision (command_unique_names, folded by Java's rules).
-- Read models index names for lookups but never refuse a row the log holds: PostgreSQL folds case
-- by other rules, and a refused event would stall its projection for good.
-- Read models of the credentials context. Secrets are encrypted by the command side before they
-- enter an event (AES-256-GCM, a data key per credential wrapped by a master key), so these tables
-- hold ciphertext and the id of the wrapped data key that opens it, plus a non-secret fingerprint
-- and the last four characters at most. No column ever holds a plaintext secret. Destroying the data
-- key makes both the events and these rows unreadable for good.

CREATE TABLE credential_type (
    id                  text PRIMARY KEY,                 -- ctp_
    organization_id     text        NOT NULL,
    name                text        NOT NULL,
    description         text,
    -- The fields a credential of this type has (name, label, whether secret); never values.
    fields              jsonb       NOT NULL DEFAULT '[]',
    status              text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT credential_type_status_check CHECK (status IN ('active', 'archived')),
    CONSTRAINT credential_type_fields_check CHECK (jsonb_typeof(fields) = 'array')
);
COMMENT ON TABLE credential_type IS 'Kinds of credential an organization can store (e.g. GitHub token, Datadog API key) and the fields each one has.';

CREATE INDEX credential_type_organization_name_idx ON credential_type (organization_id, lower(name));
CREATE INDEX credential_type_organization_page_idx ON credential_type (organization_id, created_at, id);


CREATE TABLE cloud_provider_credentials (
    id                   text PRIMARY KEY,                -- cred_
    organization_id      text        NOT NULL,
    project_id           text,                            -- prj_ it is scoped to, null for the whole organization
    name                 text        NOT NULL,
    description          text,
    provider             text        NOT NULL,
    -- Non-secret provider identifiers only: account id, role ARN, tenant and subscription ids,
    -- GCP project id, default region.
    provider_details     jsonb       NOT NULL DEFAULT '{}',
    ciphertext           bytea,
    data_key_id          text        NOT NULL,
    encryption_algorithm text        NOT NULL,
    fingerprint          text,
    last_four            text,
    status               text        NOT NULL,
    created_by           text,                            -- actor id
    rotated_at           timestamptz,
    revoked_at           timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    last_event_position  bigint      NOT NULL,
    CONSTRAINT cloud_provider_credentials_provider_check CHECK (provider IN ('aws', 'azure', 'gcp')),
    CONSTRAINT cloud_provider_credentials_provider_details_check
        CHECK (jsonb_typeof(provider_details) = 'object'),
    CONSTRAINT cloud_provider_credentials_algorithm_check CHECK (encryption_algorithm IN ('AES-256-GCM')),
    CONSTRAINT cloud_provider_credentials_last_four_check CHECK (char_length(last_four) <= 4),
    CONSTRAINT cloud_provider_credentials_status_check CHECK (status IN ('active', 'rotated', 'revoked')),
    CONSTRAINT cloud_provider_credentials_rotated_at_check CHECK (status <> 'rotated' OR rotated_at IS NOT NULL),
    CONSTRAINT cloud_provider_credentials_revoked_at_check CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)),
    -- Only a revoked credential may have its ciphertext dropped.
    CONSTRAINT cloud_provider_credentials_ciphertext_check CHECK (status = 'revoked' OR ciphertext IS NOT NULL)
);
COMMENT ON TABLE cloud_provider_credentials IS 'Encrypted AWS, Azure and GCP credentials with their rotation and revocation state; never plaintext.';
COMMENT ON COLUMN cloud_provider_credentials.ciphertext IS 'AES-256-GCM output (nonce and tag included) of the secret; null only once revoked.';
COMMENT ON COLUMN cloud_provider_credentials.data_key_id IS 'Id of the wrapped data key that decrypts ciphertext; the key itself lives in the key store.';
COMMENT ON COLUMN cloud_provider_credentials.fingerprint IS 'Keyed hash of the secret, to recognise it without revealing it.';

-- Name lookups among credentials still in use.
CREATE INDEX cloud_provider_credentials_organization_name_idx
    ON cloud_provider_credentials (organization_id, lower(name)) WHERE status <> 'revoked';
CREATE INDEX cloud_provider_credentials_organization_page_idx
    ON cloud_provider_credentials (organization_id, created_at, id);


CREATE TABLE app_credentials (
    id                   text PRIMARY KEY,                -- appc_
    organization_id      text        NOT NULL,
    credential_type_id   text        NOT NULL,            -- ctp_, no foreign key (other projection)
    project_id           text,                            -- prj_ it is scoped to, null for the whole organization
    name                 text        NOT NULL,
    description          text,
    ciphertext           bytea,
    data_key_id          text        NOT NULL,
    encryption_algorithm text        NOT NULL,
    fingerprint          text,
    last_four            text,
    status               text        NOT NULL,
    created_by           text,                            -- actor id
    expires_at           timestamptz,
    rotated_at           timestamptz,
    revoked_at           timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    last_event_position  bigint      NOT NULL,
    CONSTRAINT app_credentials_algorithm_check CHECK (encryption_algorithm IN ('AES-256-GCM')),
    CONSTRAINT app_credentials_last_four_check CHECK (char_length(last_four) <= 4),
    CONSTRAINT app_credentials_status_check CHECK (status IN ('active', 'rotated', 'revoked')),
    CONSTRAINT app_credentials_rotated_at_check CHECK (status <> 'rotated' OR rotated_at IS NOT NULL),
    CONSTRAINT app_credentials_revoked_at_check CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)),
    -- Only a revoked credential may have its ciphertext dropped.
    CONSTRAINT app_credentials_ciphertext_check CHECK (status = 'revoked' OR ciphertext IS NOT NULL)
);
COMMENT ON TABLE app_credentials IS 'Encrypted credentials for applications and integrations, typed by credential_type; never plaintext.';
COMMENT ON COLUMN app_credentials.ciphertext IS 'AES-256-GCM output (nonce and tag included) of the secret fields; null only once revoked.';
COMMENT ON COLUMN app_credentials.data_key_id IS 'Id of the wrapped data key that decrypts ciphertext; the key itself lives in the key store.';
COMMENT ON COLUMN app_credentials.fingerprint IS 'Keyed hash of the secret, to recognise it without revealing it.';

CREATE INDEX app_credentials_organization_name_idx
    ON app_credentials (organization_id, lower(name)) WHERE status <> 'revoked';
CREATE INDEX app_credentials_organization_page_idx ON app_credentials (organization_id, created_at, id);
CREATE INDEX app_credentials_credential_type_idx ON app_credentials (credential_type_id);
