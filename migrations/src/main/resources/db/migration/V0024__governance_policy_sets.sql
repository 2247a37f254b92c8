-- The command side's copy of each organization's policies as decisions evaluate them: the current
-- version of every policy not deleted (enabled or not, as JSON of PolicySet.Policy) and the default
-- effect. Every policy and default-effect command rewrites its organization's row in the transaction
-- that appends its events, under the row's lock, and raises the revision by one; a decision reads the
-- revision alone and compiles the row again only when it changed. Derived from the log.
CREATE TABLE policy_sets (
    organization_id text   PRIMARY KEY,
    revision        bigint NOT NULL,
    default_effect  text,                          -- null until set: deny
    policies        jsonb  NOT NULL,
    CONSTRAINT policy_sets_revision_check CHECK (revision >= 0),
    CONSTRAINT policy_sets_default_effect_check CHECK (default_effect IN ('allow', 'deny')),
    CONSTRAINT policy_sets_policies_check CHECK (jsonb_typeof(policies) = 'array')
);
COMMENT ON TABLE policy_sets IS 'Each organization''s current policies and default effect for decisions, with a revision that grows on every change.';
