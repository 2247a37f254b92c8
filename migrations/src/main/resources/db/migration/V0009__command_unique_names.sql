-- Command-side uniqueness claims (user emails, role names per organization). Written in the same
-- transaction as the events of the command that claims them; derived from the log, so a rebuild
-- can recreate them.
CREATE TABLE command_unique_names (
    scope    text NOT NULL,
    key      text NOT NULL,
    owner_id text NOT NULL,
    PRIMARY KEY (scope, key)
);
