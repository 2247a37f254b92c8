-- The conversations context's read models as its projections write them: conversations with their
-- workspace and token totals, messages numbered within their conversation, the tool calls an
-- assistant proposes with their decisions, and each organization's token usage per model. Nothing
-- wrote conversations or messages before this migration, so columns every row has are NOT NULL.

ALTER TABLE conversations
    ADD COLUMN workspace_id  text,                    -- wks_ it is about, no foreign key (another context's)
    ADD COLUMN input_tokens  bigint NOT NULL DEFAULT 0,
    ADD COLUMN output_tokens bigint NOT NULL DEFAULT 0,
    ADD COLUMN cached_tokens bigint NOT NULL DEFAULT 0,
    ADD CONSTRAINT conversations_tokens_check
        CHECK (input_tokens >= 0 AND output_tokens >= 0 AND cached_tokens >= 0);
COMMENT ON COLUMN conversations.model IS 'The model of the latest message that named one.';

-- Two messages may share a timestamp; their number in the conversation orders them.
ALTER TABLE messages
    ADD COLUMN sequence      integer NOT NULL,
    ADD COLUMN cached_tokens integer,
    ADD COLUMN posted_by     text,                    -- the actor that posted it: a user, or an API key (an AI runner)
    ADD CONSTRAINT messages_sequence_check CHECK (sequence > 0),
    ADD CONSTRAINT messages_cached_tokens_check CHECK (cached_tokens >= 0);
COMMENT ON COLUMN messages.tool_calls IS 'The tool call an assistant message proposes, as [{id, name, arguments}].';

-- Reading a conversation in order; also serves the foreign key (cascades by conversation_id). No
-- list reads messages across an organization.
CREATE UNIQUE INDEX messages_conversation_sequence_idx ON messages (conversation_id, sequence);
DROP INDEX messages_conversation_idx;
DROP INDEX messages_organization_page_idx;


CREATE TABLE tool_calls (
    id                  text PRIMARY KEY,                 -- tcl_
    organization_id     text        NOT NULL,
    conversation_id     text        NOT NULL,
    message_id          text        NOT NULL,             -- msg_ of the assistant message that proposed it
    tool_name           text        NOT NULL,
    arguments           jsonb       NOT NULL,             -- a JSON object
    status              text        NOT NULL,
    expires_at          timestamptz NOT NULL,
    proposed_by         text,                             -- the actor that posted the proposing message
    decided_by          text,                             -- who approved or rejected it; for an expiry, the system
    decision_reason     text,
    decided_at          timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT tool_calls_conversation_id_fkey FOREIGN KEY (conversation_id)
        REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT tool_calls_status_check CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    CONSTRAINT tool_calls_decided_at_check CHECK ((status = 'pending') = (decided_at IS NULL))
);
COMMENT ON TABLE tool_calls IS 'Tool calls assistants proposed in conversations, and how each was decided or expired.';

-- A conversation's tool calls, newest first (also serves the foreign key); an organization's, newest
-- first, all of them or those of one status.
CREATE INDEX tool_calls_conversation_page_idx ON tool_calls (conversation_id, created_at, id);
CREATE INDEX tool_calls_organization_page_idx ON tool_calls (organization_id, created_at, id);
CREATE INDEX tool_calls_organization_status_page_idx ON tool_calls (organization_id, status, created_at, id);


-- One row per organization and model, added to as messages naming the model are posted. The
-- conversations processor applies the log in order in one segment, so the position guard on each
-- row lets an event handled again add nothing.
CREATE TABLE conversation_token_totals (
    organization_id     text        NOT NULL,
    model               text        NOT NULL,
    messages            bigint      NOT NULL,
    input_tokens        bigint      NOT NULL,
    output_tokens       bigint      NOT NULL,
    cached_tokens       bigint      NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT conversation_token_totals_pkey PRIMARY KEY (organization_id, model),
    CONSTRAINT conversation_token_totals_check
        CHECK (messages >= 0 AND input_tokens >= 0 AND output_tokens >= 0 AND cached_tokens >= 0)
);
COMMENT ON TABLE conversation_token_totals IS 'Tokens spent per organization and model, from the messages that reported them.';


-- The activity feed names a conversation by its title and a tool call by its tool; added last, so
-- no event whose subject V0016 names gets another. The columns stay as V0004 made them.
CREATE OR REPLACE VIEW activity_stream AS
SELECT e.global_index                             AS position,
       e.time_stamp                               AS occurred_at,
       e.meta_data ->> 'organizationId'           AS organization_id,
       e.meta_data ->> 'actorId'                  AS actor_id,
       e.meta_data ->> 'actorType'                AS actor_type,
       regexp_replace(e.payload_type, '^.*\.', '') AS event_type,
       e.type                                     AS entity_type,
       e.aggregate_identifier                     AS entity_id,
       coalesce(e.payload ->> 'name', e.payload ->> 'email', e.payload ->> 'permission',
                e.payload ->> 'userId', e.payload ->> 'operation', e.payload ->> 'status',
                e.payload ->> 'title', e.payload ->> 'toolName') AS subject
FROM domain_event_entry e;
