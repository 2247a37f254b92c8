-- The credentials context's read models as its projections write them. V0007 made these tables before
-- anything wrote them (a ciphertext column, one secret per row); nothing ever did, so they are made
-- again to fit the model: a credential type's fields, and a credential's fields as the API shows them,
-- each secret one only as its mask. No column holds a ciphertext or a plaintext secret: the log holds
-- the ciphertexts, and a reveal reads them there, through the command side.

DROP TABLE app_credentials;
DROP TABLE cloud_provider_credentials;
DROP TABLE credential_type;

CREATE TABLE credential_type (
    id                  text PRIMARY KEY,                 -- ctp_
    organization_id     text,                             -- null for a system type every organization sees
    name                text        NOT NULL,
    provider            text,                             -- aws, azure, gcp, or null
    description         text        NOT NULL DEFAULT '',
    -- [{"name", "secret", "required", "pattern"}], never values.
    fields              jsonb       NOT NULL,
    created_by          text,                             -- actor id (system for the seeded types)
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT credential_type_provider_check CHECK (provider IN ('aws', 'azure', 'gcp')),
    CONSTRAINT credential_type_fields_check CHECK (jsonb_typeof(fields) = 'array')
);
COMMENT ON TABLE credential_type IS 'Templates of fields credentials are checked against: the system''s and each organization''s own.';

-- An organization's types, newest first; the system types, newest first.
CREATE INDEX credential_type_organization_page_idx ON credential_type (organization_id, created_at, id);
CREATE INDEX credential_type_system_page_idx ON credential_type (created_at, id) WHERE organization_id IS NULL;


CREATE TABLE cloud_provider_credentials (
    id                    text PRIMARY KEY,               -- cred_
    organization_id       text        NOT NULL,
    credential_type_id    text        NOT NULL,           -- ctp_, no foreign key (a system type may come later in a rebuild)
    provider              text        NOT NULL,
    name                  text        NOT NULL,
    description           text        NOT NULL DEFAULT '',
    -- {"field": {"secret": bool, "value": plain value, or a secret's mask}}; {} once destroyed.
    fields                jsonb       NOT NULL,
    version               integer     NOT NULL,
    status                text        NOT NULL,
    created_by            text,
    rotated_by            text,
    rotated_at            timestamptz,
    revoked_by            text,
    revoked_at            timestamptz,
    destroyed_by          text,
    destroyed_at          timestamptz,
    last_revealed_by      text,
    last_revealed_at      timestamptz,
    last_revealed_version integer,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    last_event_position   bigint      NOT NULL,
    CONSTRAINT cloud_provider_credentials_provider_check CHECK (provider IN ('aws', 'azure', 'gcp')),
    CONSTRAINT cloud_provider_credentials_status_check CHECK (status IN ('active', 'revoked', 'destroyed')),
    CONSTRAINT cloud_provider_credentials_fields_check CHECK (jsonb_typeof(fields) = 'object'),
    CONSTRAINT cloud_provider_credentials_destroyed_check CHECK ((status = 'destroyed') = (destroyed_at IS NOT NULL))
);
COMMENT ON TABLE cloud_provider_credentials IS 'AWS, Azure and GCP credentials: metadata and masks only, never a secret.';

CREATE INDEX cloud_provider_credentials_organization_page_idx
    ON cloud_provider_credentials (organization_id, created_at, id);


CREATE TABLE app_credentials (
    id                    text PRIMARY KEY,               -- appc_
    organization_id       text        NOT NULL,
    credential_type_id    text        NOT NULL,
    name                  text        NOT NULL,
    description           text        NOT NULL DEFAULT '',
    fields                jsonb       NOT NULL,
    version               integer     NOT NULL,
    status                text        NOT NULL,
    created_by            text,
    rotated_by            text,
    rotated_at            timestamptz,
    revoked_by            text,
    revoked_at            timestamptz,
    destroyed_by          text,
    destroyed_at          timestamptz,
    last_revealed_by      text,
    last_revealed_at      timestamptz,
    last_revealed_version integer,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    last_event_position   bigint      NOT NULL,
    CONSTRAINT app_credentials_status_check CHECK (status IN ('active', 'revoked', 'destroyed')),
    CONSTRAINT app_credentials_fields_check CHECK (jsonb_typeof(fields) = 'object'),
    CONSTRAINT app_credentials_destroyed_check CHECK ((status = 'destroyed') = (destroyed_at IS NOT NULL))
);
COMMENT ON TABLE app_credentials IS 'Credentials of applications and integrations, of any type: metadata and masks only, never a secret.';

CREATE INDEX app_credentials_organization_page_idx ON app_credentials (organization_id, created_at, id);
