-- Personal data under crypto-shredding (issue 12). Command side: TOTP secrets are kept encrypted
-- under their user's data key (the plaintext column empties as a command-side start encrypts the
-- rows left from before); claims are found by their owner (an email's claim, now by keyed hash, is
-- released by its user). Read side: an erased user keeps their row with no email or name.
ALTER TABLE user_totp ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE user_totp ADD COLUMN encrypted_secret bytea;
COMMENT ON COLUMN user_totp.secret IS 'Plaintext TOTP secret of rows from before encryption; emptied at start.';
COMMENT ON COLUMN user_totp.encrypted_secret IS 'The TOTP secret encrypted under the user''s data key.';

CREATE INDEX command_unique_names_owner_idx ON command_unique_names (scope, owner_id);

ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL;
ALTER TABLE users ADD COLUMN erased_at timestamptz;
COMMENT ON COLUMN users.erased_at IS 'When the user''s personal data was erased; email and display_name are NULL since.';

ALTER TABLE invitations DROP CONSTRAINT invitations_addressee_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_addressee_check CHECK (user_id IS NULL OR email IS NULL);
ALTER TABLE invitations ADD COLUMN email_erased boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN invitations.email_erased IS 'The invitee email was erased with its addressee (the invitation names nobody since).';

ALTER TABLE accounts ALTER COLUMN provider_account_id DROP NOT NULL;
COMMENT ON COLUMN accounts.provider_account_id IS 'The account id at the provider (may be an email); NULL once its user was erased.';
