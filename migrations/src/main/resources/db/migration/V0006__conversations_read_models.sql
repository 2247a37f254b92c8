-- Read models of the conversations context: AI chat conversations and their messages. Messages
-- belong to the Conversation aggregate, so one projection applies a conversation's events in order,
-- which is what makes the foreign key below safe.

CREATE TABLE conversations (
    id                  text PRIMARY KEY,                 -- cnv_
    organization_id     text        NOT NULL,
    user_id             text        NOT NULL,             -- usr_ who started it
    project_id          text,                             -- prj_ it is about, no foreign key (other projection)
    title               text,
    model               text,                             -- AI model answering, e.g. a provider's model name
    status              text        NOT NULL,
    message_count       integer     NOT NULL DEFAULT 0,
    last_message_at     timestamptz,
    archived_at         timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT conversations_status_check CHECK (status IN ('active', 'archived')),
    CONSTRAINT conversations_archived_at_check CHECK ((status = 'archived') = (archived_at IS NOT NULL)),
    CONSTRAINT conversations_message_count_check CHECK (message_count >= 0)
);
COMMENT ON TABLE conversations IS 'AI chat conversations: who started them, about which project, and a summary of their messages.';

CREATE INDEX conversations_organization_page_idx ON conversations (organization_id, created_at, id);
CREATE INDEX conversations_user_idx ON conversations (organization_id, user_id, created_at, id);


CREATE TABLE messages (
    id                  text PRIMARY KEY,                 -- msg_
    organization_id     text        NOT NULL,
    conversation_id     text        NOT NULL,
    role                text        NOT NULL,
    author_id           text,                             -- usr_ for user messages, else null
    content             text        NOT NULL,
    tool_calls          jsonb,                            -- tool calls requested by an assistant message
    model               text,                             -- model that wrote an assistant message
    input_tokens        integer,
    output_tokens       integer,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT messages_conversation_id_fkey FOREIGN KEY (conversation_id)
        REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT messages_role_check CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    CONSTRAINT messages_tokens_check CHECK (input_tokens >= 0 AND output_tokens >= 0)
);
COMMENT ON TABLE messages IS 'Messages of AI chat conversations, in the order they were posted.';

-- Reading a conversation in order; also serves the foreign key (cascades by conversation_id).
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at, id);
CREATE INDEX messages_organization_page_idx ON messages (organization_id, created_at, id);
