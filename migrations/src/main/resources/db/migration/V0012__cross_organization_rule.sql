-- Issue 9: nothing done through one organization reaches a user's standing elsewhere.

-- Operators: the one role above all organizations (account-wide actions).
ALTER TABLE users ADD COLUMN operator boolean NOT NULL DEFAULT false;

-- What an organization's Admins do to a member stays in that organization: a suspended member
-- reaches nothing in it, and sessions started before sessions_ended_at no longer reach it.
ALTER TABLE members ADD COLUMN suspended boolean NOT NULL DEFAULT false;
ALTER TABLE members ADD COLUMN sessions_ended_at timestamptz;

-- Invitations: joining an organization takes the invitee's consent.
CREATE TABLE invitations (
    id                  text        PRIMARY KEY,
    organization_id     text        NOT NULL,
    user_id             text,
    email               text,
    status              text        NOT NULL,
    invited_by          text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    decided_by          text,
    last_event_position bigint      NOT NULL,
    CONSTRAINT invitations_status_check CHECK (status IN ('pending', 'accepted', 'declined', 'revoked')),
    CONSTRAINT invitations_addressee_check CHECK ((user_id IS NULL) <> (email IS NULL))
);
CREATE INDEX invitations_organization_created_idx ON invitations (organization_id, created_at, id);
CREATE INDEX invitations_user_idx ON invitations (user_id) WHERE status = 'pending';
CREATE INDEX invitations_email_idx ON invitations (lower(email)) WHERE status = 'pending';
COMMENT ON TABLE invitations IS 'Invitations into organizations, by user id or email; the invitee accepts or declines.';
