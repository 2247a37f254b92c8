-- The governance context's read models as its projections write them. V0008 made mcp_servers, policies
-- and agent_sessions before anything wrote them; nothing ever did, so they are made again to fit the
-- events: servers with their pinned and held tools, policies with every version of their rules, the
-- organization's default effect, agent sessions with their counters, every decision, and approvals.
-- As in V0008, the read models check only what their projections decide (a status); what a command
-- checked is never refused again here, since a refused event would stall its projection for good.
-- A decision's arguments are kept only as the log holds them: ciphertext under the organization's
-- governance data key (a dry run opens them; a shredded key leaves them unreadable here as in the log).

DROP TABLE mcp_servers;
DROP TABLE policies;
DROP TABLE agent_sessions;

CREATE TABLE mcp_servers (
    id                  text PRIMARY KEY,                 -- mcp_
    organization_id     text        NOT NULL,
    name                text        NOT NULL,
    transport           text        NOT NULL,             -- streamable-http, sse or stdio
    url                 text,
    command             text,                             -- the command line of a stdio server
    credential_id       text,                             -- cred_ or appc_ it authenticates with, never the secret
    labels              jsonb       NOT NULL DEFAULT '{}',
    status              text        NOT NULL,
    suspension_reason   text,
    suspended_at        timestamptz,
    deregistered_at     timestamptz,
    registered_by       text,                             -- actor id
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT mcp_servers_status_check CHECK (status IN ('active', 'suspended', 'deregistered')),
    CONSTRAINT mcp_servers_labels_check CHECK (jsonb_typeof(labels) = 'object')
);
COMMENT ON TABLE mcp_servers IS 'MCP servers an organization registered for its agents, and whether they are suspended or deregistered.';

-- An organization's servers, newest first.
CREATE INDEX mcp_servers_organization_page_idx ON mcp_servers (organization_id, created_at, id);


CREATE TABLE mcp_server_tools (
    mcp_server_id         text        NOT NULL,
    tool_name             text        NOT NULL,
    organization_id       text        NOT NULL,
    status                text        NOT NULL,
    pinned_hash           text        NOT NULL,           -- sha256: of the approved definition
    presented_hash        text,                           -- the changed definition a held tool waits on
    description           text,                           -- of the pinned definition
    presented_description text,                           -- of the presented one, while held
    pinned_at             timestamptz NOT NULL,
    held_at               timestamptz,
    approved_by           text,                           -- who approved the last changed definition
    approved_at           timestamptz,
    updated_at            timestamptz NOT NULL,
    last_event_position   bigint      NOT NULL,
    PRIMARY KEY (mcp_server_id, tool_name),               -- a server's tools, by name
    CONSTRAINT mcp_server_tools_status_check CHECK (status IN ('pinned', 'held')),
    CONSTRAINT mcp_server_tools_held_check CHECK ((status = 'held') = (presented_hash IS NOT NULL))
);
COMMENT ON TABLE mcp_server_tools IS 'The tools each MCP server presented, pinned by the hash of their definition; held when it changed.';


CREATE TABLE policies (
    id                  text PRIMARY KEY,                 -- pol_
    organization_id     text        NOT NULL,
    name                text        NOT NULL,
    description         text,
    mode                text        NOT NULL,             -- enforce or monitor
    priority            integer     NOT NULL,             -- lower first
    enabled             boolean     NOT NULL,
    deleted             boolean     NOT NULL DEFAULT false,
    version             integer     NOT NULL,             -- of the rules: 1 on creation, +1 on each change
    rules               jsonb       NOT NULL,
    created_by          text,                             -- actor id
    created_at          timestamptz NOT NULL,
    deleted_at          timestamptz,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT policies_rules_check CHECK (jsonb_typeof(rules) = 'array'),
    CONSTRAINT policies_deleted_check CHECK (deleted = (deleted_at IS NOT NULL))
);
COMMENT ON TABLE policies IS 'Governance policies: the current version of each, enabled or not; deleted ones are kept for the decisions that name them.';

-- An organization's policies in the order decisions evaluate them (priority, then creation).
CREATE INDEX policies_organization_order_idx ON policies (organization_id, priority, created_at, id) WHERE NOT deleted;


CREATE TABLE policy_versions (
    policy_id           text        NOT NULL,
    version             integer     NOT NULL,
    organization_id     text        NOT NULL,
    rules               jsonb       NOT NULL,
    created_by          text,                             -- actor id
    created_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    PRIMARY KEY (policy_id, version),                     -- a policy's versions, newest first
    CONSTRAINT policy_versions_rules_check CHECK (jsonb_typeof(rules) = 'array')
);
COMMENT ON TABLE policy_versions IS 'Every version of every policy''s rules, as it was written.';


CREATE TABLE governance_defaults (
    organization_id     text PRIMARY KEY,
    default_effect      text        NOT NULL,             -- allow or deny
    set_by              text,                             -- actor id
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL
);
COMMENT ON TABLE governance_defaults IS 'What a decision answers when no rule matches, for the organizations that set it (others deny).';


CREATE TABLE agent_sessions (
    id                  text PRIMARY KEY,                 -- ags_
    organization_id     text        NOT NULL,
    mcp_server_id       text,
    agent_name          text,
    api_key_id          text,
    user_id             text,
    ai_system_id        text,
    status              text        NOT NULL,
    idle                boolean     NOT NULL DEFAULT false, -- closed because it was idle too long
    end_reason          text,
    -- Counted from the decisions; the last_event_position guard keeps a redelivered one from counting twice.
    allowed             bigint      NOT NULL DEFAULT 0,   -- allow, monitor-mode rules included
    denied              bigint      NOT NULL DEFAULT 0,
    alerted             bigint      NOT NULL DEFAULT 0,
    held                bigint      NOT NULL DEFAULT 0,   -- approval-required
    last_activity       timestamptz NOT NULL,
    ended_at            timestamptz,
    created_at          timestamptz NOT NULL,             -- opened
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT agent_sessions_status_check CHECK (status IN ('open', 'terminated', 'closed')),
    CONSTRAINT agent_sessions_ended_check CHECK ((status = 'open') = (ended_at IS NULL))
);
COMMENT ON TABLE agent_sessions IS 'Sessions of AI agents, with how many of their tool calls were allowed, denied, alerted and held.';

-- An organization's sessions newest first, of every status and of one.
CREATE INDEX agent_sessions_organization_page_idx ON agent_sessions (organization_id, created_at, id);
CREATE INDEX agent_sessions_status_page_idx ON agent_sessions (organization_id, status, created_at, id);


CREATE TABLE decisions (
    id                   text PRIMARY KEY,                -- dec_
    organization_id      text        NOT NULL,
    agent_session_id     text        NOT NULL,
    mcp_server_id        text,
    tool_name            text,
    arguments_hash       text,
    arguments_ciphertext text,                            -- Base64, as the event holds it
    user_id              text,
    api_key_id           text,
    ai_system_id         text,
    role_ids             jsonb       NOT NULL DEFAULT '[]',
    outcome              text        NOT NULL,            -- allow, deny, alert or approval-required
    basis                text,                            -- what decided: rule, default, session, server, held-tool, approval
    policy_id            text,
    policy_version       integer,
    rule_name            text,
    monitored_effect     text,
    approval_id          text,
    reason               text,
    decided_at           timestamptz NOT NULL,            -- the event's time
    last_event_position  bigint      NOT NULL,
    CONSTRAINT decisions_role_ids_check CHECK (jsonb_typeof(role_ids) = 'array')
);
COMMENT ON TABLE decisions IS 'Every decision on an agent''s tool call: who called what, the outcome and the rule that gave it; arguments only as ciphertext.';

-- A session's decisions and the organization's (of every outcome and of one), newest first; the
-- organization's in time order are also what a dry run reads.
CREATE INDEX decisions_session_page_idx ON decisions (agent_session_id, decided_at, id);
CREATE INDEX decisions_organization_page_idx ON decisions (organization_id, decided_at, id);
CREATE INDEX decisions_outcome_page_idx ON decisions (organization_id, outcome, decided_at, id);


CREATE TABLE approvals (
    id                  text PRIMARY KEY,                 -- apv_
    organization_id     text        NOT NULL,
    agent_session_id    text        NOT NULL,
    decision_id         text,                             -- the decision that opened it
    mcp_server_id       text,
    tool_name           text,
    arguments_hash      text,
    policy_id           text,
    policy_version      integer,
    rule_name           text,
    status              text        NOT NULL,
    expires_at          timestamptz,
    decided_by          text,
    reason              text,
    decided_at          timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT approvals_status_check CHECK (status IN ('pending', 'granted', 'rejected', 'expired')),
    CONSTRAINT approvals_decided_check CHECK ((status = 'pending') = (decided_at IS NULL))
);
COMMENT ON TABLE approvals IS 'Approvals of held tool calls, each bound to one call (server, tool, hash of the arguments) in one session.';

-- An organization's approvals newest first, of every status and of one (the pending ones, for reviewers).
CREATE INDEX approvals_organization_page_idx ON approvals (organization_id, created_at, id);
CREATE INDEX approvals_status_page_idx ON approvals (organization_id, status, created_at, id);
