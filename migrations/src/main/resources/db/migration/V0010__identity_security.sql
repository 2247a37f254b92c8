-- Identity and security, issue 3.

-- Command-side state kept outside the log on purpose (see docs/adr/0003): secret material that must
-- be erasable and must never be copied with the log, and the sign-in throttle.
CREATE TABLE user_passwords (
    user_id             text        PRIMARY KEY,
    hash                text        NOT NULL,
    changed_at          timestamptz NOT NULL
);
COMMENT ON TABLE user_passwords IS 'Argon2id password hashes; the log only records that a password changed.';

CREATE TABLE user_totp (
    user_id             text        PRIMARY KEY,
    secret              text        NOT NULL,
    confirmed           boolean     NOT NULL,
    last_used_step      bigint      NOT NULL,
    created_at          timestamptz NOT NULL
);
COMMENT ON TABLE user_totp IS 'TOTP shared secrets and the last time step used (no code works twice).';

CREATE TABLE sign_in_attempts (
    key                 text        PRIMARY KEY,
    failures            integer     NOT NULL,
    last_failure_at     timestamptz NOT NULL,
    locked_until        timestamptz
);
COMMENT ON TABLE sign_in_attempts IS 'Failed sign-ins per email (keyed by a hash of the email, known or not).';

-- Read models.
ALTER TABLE users ADD COLUMN has_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE sessions ADD COLUMN second_factor boolean NOT NULL DEFAULT false;
CREATE INDEX access_requests_requester_idx ON access_requests (requester_id);
CREATE INDEX access_requests_pending_expiry_idx ON access_requests (expires_at) WHERE status = 'pending';
CREATE INDEX user_roles_user_idx ON user_roles (user_id, organization_id);
CREATE INDEX members_user_idx ON members (user_id);
