-- Identity read models: who exists, how they sign in, which organizations they belong to.
-- Every row records the log position of the last event applied to it, which keeps upserts idempotent.

CREATE TABLE users (
    id                  text        PRIMARY KEY,
    email               text        NOT NULL,
    display_name        text        NOT NULL,
    status              text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT users_status_check CHECK (status IN ('active', 'deactivated'))
);
-- Not unique: which emails clash is the command side's decision (command_unique_names, folded by
-- Java's rules). PostgreSQL folds case by its own rules (lower('İ') is 'i' under most locales), so a
-- unique index here could refuse a user the log holds and stall the projection for good.
CREATE INDEX users_email_idx ON users (lower(email));
COMMENT ON TABLE users IS 'Registered people; the password hash never leaves the command side.';

CREATE TABLE accounts (
    id                  text        PRIMARY KEY,
    user_id             text        NOT NULL,
    provider            text        NOT NULL,
    provider_account_id text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT accounts_provider_account_key UNIQUE (provider, provider_account_id)
);
CREATE INDEX accounts_user_idx ON accounts (user_id);
COMMENT ON TABLE accounts IS 'External identities linked to a user (provider + provider account id).';

CREATE TABLE sessions (
    id                  text        PRIMARY KEY,
    user_id             text        NOT NULL,
    token_hash          text        NOT NULL,
    client_address      text,
    user_agent          text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    revoked_at          timestamptz,
    last_event_position bigint      NOT NULL,
    CONSTRAINT sessions_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX sessions_user_idx ON sessions (user_id, created_at);
COMMENT ON TABLE sessions IS 'Sign-in sessions; only a hash of the opaque token is kept.';

CREATE TABLE organizations (
    id                  text        PRIMARY KEY,
    name                text        NOT NULL,
    created_by          text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL
);
COMMENT ON TABLE organizations IS 'Tenants: every resource belongs to exactly one organization.';

CREATE TABLE members (
    id                  text        PRIMARY KEY,
    organization_id     text        NOT NULL,
    user_id             text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT members_organization_user_key UNIQUE (organization_id, user_id),
    CONSTRAINT members_organization_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE
);
CREATE INDEX members_organization_idx ON members (organization_id, id);
COMMENT ON TABLE members IS 'Membership of users in organizations.';

CREATE TABLE api_keys (
    id                  text        PRIMARY KEY,
    organization_id     text        NOT NULL,
    name                text        NOT NULL,
    prefix              text        NOT NULL,
    secret_hash         text        NOT NULL,
    scopes              text[]      NOT NULL DEFAULT '{}',
    created_by          text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    expires_at          timestamptz,
    revoked_at          timestamptz,
    last_event_position bigint      NOT NULL,
    CONSTRAINT api_keys_secret_hash_key UNIQUE (secret_hash)
);
CREATE INDEX api_keys_organization_idx ON api_keys (organization_id, id);
COMMENT ON TABLE api_keys IS 'Organization API keys; the secret is shown once and only its hash is stored.';
