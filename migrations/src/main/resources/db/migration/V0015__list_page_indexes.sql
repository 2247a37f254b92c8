-- Issue 10: every list is read from an index in its page order, so a page costs the same whether the
-- list holds a hundred rows or a million. Each index below serves one list's keyset and order; an
-- index it makes redundant (a prefix of it) goes.

-- Roles: the organization's own and the system roles are two index scans by (name, id), merged.
-- The system roles' index is keyed on `system` (the same rows as organization_id IS NULL, by
-- roles_system_check), which no other index of the table can serve.
CREATE INDEX roles_organization_name_idx ON roles (organization_id, name, id) WHERE organization_id IS NOT NULL;
CREATE INDEX roles_system_name_idx ON roles (name, id) WHERE system;

-- A user's sessions, newest first.
CREATE INDEX sessions_user_created_idx ON sessions (user_id, created_at, id);
DROP INDEX sessions_user_idx;

-- A user's linked accounts, by provider and provider account.
CREATE INDEX accounts_user_provider_idx ON accounts (user_id, provider, provider_account_id);
DROP INDEX accounts_user_idx;

-- Pending invitations addressed to a user, newest first: by id and by email, merged.
CREATE INDEX invitations_user_created_idx ON invitations (user_id, created_at, id) WHERE status = 'pending';
DROP INDEX invitations_user_idx;
CREATE INDEX invitations_email_created_idx ON invitations (lower(email), created_at, id) WHERE status = 'pending';
DROP INDEX invitations_email_idx;
