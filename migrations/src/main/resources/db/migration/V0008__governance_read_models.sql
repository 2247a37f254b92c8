-- Name uniqueness is the command side's decision (command_unique_names, folded by Java's rules).
-- Read models index names for lookups but never refuse a row the log holds: PostgreSQL folds case
-- by other rules, and a refused event would stall its projection for good.
-- Read models of the governance context: the MCP servers an organization lets its agents reach, the
-- policies that rule their tool calls, agent sessions with their allowed and denied call counts,
-- HIPAA business associate agreements and the EU AI Act register of AI systems.

CREATE TABLE mcp_servers (
    id                  text PRIMARY KEY,                 -- mcp_
    organization_id     text        NOT NULL,
    name                text        NOT NULL,
    description         text,
    transport           text        NOT NULL,
    endpoint            text        NOT NULL,             -- URL, or the command line for stdio
    credential_id       text,                             -- appc_ used to authenticate, never the secret
    tools               jsonb       NOT NULL DEFAULT '[]',
    labels              jsonb       NOT NULL DEFAULT '{}',
    status              text        NOT NULL,
    suspended_at        timestamptz,
    suspension_reason   text,
    registered_by       text,                             -- actor id
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT mcp_servers_transport_check CHECK (transport IN ('stdio', 'sse', 'streamable_http')),
    CONSTRAINT mcp_servers_status_check CHECK (status IN ('active', 'suspended', 'retired')),
    CONSTRAINT mcp_servers_suspended_at_check CHECK ((status = 'suspended') = (suspended_at IS NOT NULL)),
    CONSTRAINT mcp_servers_tools_check CHECK (jsonb_typeof(tools) = 'array'),
    CONSTRAINT mcp_servers_labels_check CHECK (jsonb_typeof(labels) = 'object')
);
COMMENT ON TABLE mcp_servers IS 'MCP servers registered with the governance proxy, the tools they offer and whether they are suspended.';

CREATE INDEX mcp_servers_organization_name_idx ON mcp_servers (organization_id, lower(name));
CREATE INDEX mcp_servers_organization_page_idx ON mcp_servers (organization_id, created_at, id);


CREATE TABLE policies (
    id                  text PRIMARY KEY,                 -- pol_
    organization_id     text        NOT NULL,
    name                text        NOT NULL,
    description         text,
    mcp_server_id       text,                             -- mcp_ it applies to, null for all servers
    rules               jsonb       NOT NULL,
    version             integer     NOT NULL,             -- 1 on creation, +1 on each rules change
    enforcement_mode    text        NOT NULL,
    status              text        NOT NULL,
    created_by          text,                             -- actor id
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT policies_version_check CHECK (version >= 1),
    CONSTRAINT policies_enforcement_mode_check CHECK (enforcement_mode IN ('enforce', 'monitor')),
    CONSTRAINT policies_status_check CHECK (status IN ('active', 'disabled', 'archived'))
);
COMMENT ON TABLE policies IS 'Governance policies: the current version of the rules that allow or deny agents'' tool calls.';

CREATE INDEX policies_organization_name_idx ON policies (organization_id, lower(name));
CREATE INDEX policies_organization_page_idx ON policies (organization_id, created_at, id);


CREATE TABLE agent_sessions (
    id                  text PRIMARY KEY,                 -- ags_
    organization_id     text        NOT NULL,
    agent_name          text        NOT NULL,
    api_key_id          text,                             -- key_ the agent authenticated with
    user_id             text,                             -- usr_ on whose behalf it acts
    ai_system_id        text,                             -- ais_ it is registered as, if any
    status              text        NOT NULL,
    -- Counted from the tool-call evaluation events; the last_event_position guard keeps a
    -- redelivered event from being counted twice.
    tool_calls_allowed  integer     NOT NULL DEFAULT 0,
    tool_calls_denied   integer     NOT NULL DEFAULT 0,
    last_tool_call_at   timestamptz,
    opened_at           timestamptz NOT NULL,
    closed_at           timestamptz,
    close_reason        text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT agent_sessions_status_check CHECK (status IN ('open', 'closed', 'terminated')),
    CONSTRAINT agent_sessions_closed_at_check CHECK ((status = 'open') = (closed_at IS NULL)),
    CONSTRAINT agent_sessions_tool_calls_check CHECK (tool_calls_allowed >= 0 AND tool_calls_denied >= 0)
);
COMMENT ON TABLE agent_sessions IS 'Sessions of AI agents through the governance proxy, with how many tool calls were allowed and denied.';

CREATE INDEX agent_sessions_organization_page_idx ON agent_sessions (organization_id, created_at, id);
CREATE INDEX agent_sessions_open_idx ON agent_sessions (organization_id, opened_at, id) WHERE status = 'open';


CREATE TABLE baa (
    id                  text PRIMARY KEY,                 -- baa_
    organization_id     text        NOT NULL,
    counterparty_name   text        NOT NULL,
    counterparty_role   text        NOT NULL,             -- the other party's role under HIPAA
    mcp_server_id       text,                             -- mcp_ whose use it covers, if any
    status              text        NOT NULL,
    effective_on        date,
    expires_on          date,
    signed_at           timestamptz,
    terminated_at       timestamptz,
    document_reference  text,                             -- where the signed document is stored
    document_sha256     text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT baa_counterparty_role_check
        CHECK (counterparty_role IN ('covered_entity', 'business_associate', 'subcontractor')),
    CONSTRAINT baa_status_check
        CHECK (status IN ('draft', 'pending_signature', 'active', 'expired', 'terminated')),
    CONSTRAINT baa_active_check
        CHECK (status <> 'active' OR (signed_at IS NOT NULL AND effective_on IS NOT NULL)),
    CONSTRAINT baa_terminated_at_check CHECK ((status = 'terminated') = (terminated_at IS NOT NULL)),
    CONSTRAINT baa_dates_check CHECK (expires_on >= effective_on)
);
COMMENT ON TABLE baa IS 'HIPAA business associate agreements: with whom, covering what, and when they are in force.';

CREATE INDEX baa_organization_page_idx ON baa (organization_id, created_at, id);


CREATE TABLE ai_systems (
    id                       text PRIMARY KEY,            -- ais_
    organization_id          text        NOT NULL,
    name                     text        NOT NULL,
    description              text,
    intended_purpose         text        NOT NULL,
    risk_category            text        NOT NULL,
    operator_role            text        NOT NULL,        -- the organization's role under the Act
    general_purpose_ai       boolean     NOT NULL DEFAULT false,
    annex_iii_area           text,                        -- high-risk area of Annex III, if any
    provider_name            text,                        -- who supplies the model or system
    model_name               text,
    status                   text        NOT NULL,
    conformity_assessment    text        NOT NULL,
    eu_database_registration text,                        -- registration number in the EU database
    owner_id                 text,                        -- usr_ accountable for it
    -- Open record: data categories, human oversight, transparency measures, and so on.
    details                  jsonb       NOT NULL DEFAULT '{}',
    last_reviewed_at         timestamptz,
    next_review_on           date,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    last_event_position      bigint      NOT NULL,
    CONSTRAINT ai_systems_risk_category_check
        CHECK (risk_category IN ('unacceptable', 'high', 'limited', 'minimal')),
    CONSTRAINT ai_systems_operator_role_check
        CHECK (operator_role IN ('provider', 'deployer', 'importer', 'distributor', 'authorised_representative')),
    CONSTRAINT ai_systems_status_check CHECK (status IN ('planned', 'in_development', 'in_use', 'retired')),
    CONSTRAINT ai_systems_conformity_assessment_check
        CHECK (conformity_assessment IN ('not_required', 'pending', 'passed', 'failed')),
    CONSTRAINT ai_systems_details_check CHECK (jsonb_typeof(details) = 'object')
);
COMMENT ON TABLE ai_systems IS 'EU AI Act register of the organization''s AI systems: purpose, risk category, role and compliance state.';

CREATE INDEX ai_systems_organization_name_idx ON ai_systems (organization_id, lower(name));
CREATE INDEX ai_systems_organization_page_idx ON ai_systems (organization_id, created_at, id);
CREATE INDEX ai_systems_risk_category_idx ON ai_systems (organization_id, risk_category, created_at, id);
