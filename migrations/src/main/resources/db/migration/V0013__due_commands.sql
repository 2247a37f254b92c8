-- Time-driven commands (ADR 0007): a command to send once its time has come, as the system actor.
-- A row is written in the transaction of the command that makes it due and deleted in the
-- transaction of the command it sends, so neither commits without the other. Instances claim due
-- rows with FOR UPDATE SKIP LOCKED, so each is sent by one of them.
CREATE TABLE due_commands (
    key              text        PRIMARY KEY,
    due_at           timestamptz NOT NULL,
    command_type     text        NOT NULL,
    command_revision text,
    command          jsonb       NOT NULL,
    -- Raised when the key is scheduled again, so the outcome of an earlier send never ends the new one.
    version          bigint      NOT NULL DEFAULT 0,
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text
);
CREATE INDEX due_commands_due_at_idx ON due_commands (due_at);
COMMENT ON TABLE due_commands IS 'Commands to send at a time (expiries); a row is gone once its command was sent.';
