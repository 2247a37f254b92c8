-- Name uniqueness is the command side's decision (command_unique_names, folded by Java's rules).
-- Read models index names for lookups but never refuse a row the log holds: PostgreSQL folds case
-- by other rules, and a refused event would stall its projection for good.
-- Read models of the infrastructure context: projects, Terraform workspaces, tickets, the module
-- registry and drift history. Every row is written by a projection and carries the global index of
-- the last event applied to it (last_event_position), so an upsert that sees an older or equal
-- position changes nothing. Timestamps come from the events, never from now().

CREATE TABLE projects (
    id                  text PRIMARY KEY,                 -- prj_
    organization_id     text        NOT NULL,
    name                text        NOT NULL,
    description         text,
    status              text        NOT NULL,
    labels              jsonb       NOT NULL DEFAULT '{}',
    created_by          text,                             -- actor id (usr_ or key_)
    archived_at         timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT projects_status_check CHECK (status IN ('active', 'archived')),
    CONSTRAINT projects_archived_at_check CHECK ((status = 'archived') = (archived_at IS NOT NULL)),
    CONSTRAINT projects_labels_check CHECK (jsonb_typeof(labels) = 'object')
);
COMMENT ON TABLE projects IS 'Projects of an organization; the unit that groups workspaces, tickets and credentials.';

CREATE INDEX projects_organization_name_idx ON projects (organization_id, lower(name));
CREATE INDEX projects_organization_page_idx ON projects (organization_id, created_at, id);


CREATE TABLE workspaces (
    id                  text PRIMARY KEY,                 -- wks_
    organization_id     text        NOT NULL,
    project_id          text        NOT NULL,
    name                text        NOT NULL,
    description         text,
    terraform_version   text,
    working_directory   text,
    vcs_repository_url  text,
    vcs_branch          text,
    auto_apply          boolean     NOT NULL DEFAULT false,
    -- Workspace variables. A sensitive variable holds a reference to a credential, never a value.
    variables           jsonb       NOT NULL DEFAULT '{}',
    status              text        NOT NULL,
    locked_by           text,                             -- actor id while locked
    locked_at           timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    -- Holds only if projects and workspaces are projected by one processing group whose sequencing
    -- policy keeps a project's events ahead of its workspaces' (e.g. sequenced by organization_id).
    CONSTRAINT workspaces_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT workspaces_status_check CHECK (status IN ('active', 'locked', 'archived')),
    CONSTRAINT workspaces_locked_check CHECK ((status = 'locked') = (locked_at IS NOT NULL))
);
COMMENT ON TABLE workspaces IS 'Terraform workspaces: one state per project and environment, with its settings and lock.';

-- Also serves the foreign key (lookups and cascades by project_id).
CREATE INDEX workspaces_project_name_idx ON workspaces (project_id, lower(name));
CREATE INDEX workspaces_organization_page_idx ON workspaces (organization_id, created_at, id);


CREATE TABLE tickets (
    id                  text PRIMARY KEY,                 -- tkt_
    organization_id     text        NOT NULL,
    project_id          text,                             -- prj_, no foreign key (other projection)
    workspace_id        text,                             -- wks_, no foreign key (other projection)
    title               text        NOT NULL,
    description         text,
    status              text        NOT NULL,
    priority            text        NOT NULL,
    labels              jsonb       NOT NULL DEFAULT '[]',
    reporter_id         text,                             -- actor id
    assignee_id         text,                             -- usr_
    due_at              timestamptz,
    resolved_at         timestamptz,
    closed_at           timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT tickets_status_check
        CHECK (status IN ('open', 'in_progress', 'blocked', 'resolved', 'closed')),
    CONSTRAINT tickets_priority_check CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    CONSTRAINT tickets_labels_check CHECK (jsonb_typeof(labels) = 'array')
);
COMMENT ON TABLE tickets IS 'Work items about infrastructure (requests, incidents, follow-ups), optionally tied to a project or workspace.';

CREATE INDEX tickets_organization_page_idx ON tickets (organization_id, created_at, id);
CREATE INDEX tickets_organization_status_idx ON tickets (organization_id, status, created_at, id);
CREATE INDEX tickets_project_idx ON tickets (project_id, created_at, id) WHERE project_id IS NOT NULL;


CREATE TABLE module_registry (
    id                  text PRIMARY KEY,                 -- mod_, one row per published version
    organization_id     text        NOT NULL,
    namespace           text        NOT NULL,
    name                text        NOT NULL,
    provider            text        NOT NULL,             -- Terraform provider, e.g. aws
    version             text        NOT NULL,             -- semantic version, as published
    description         text,
    source              text        NOT NULL,             -- download address, Terraform source syntax
    source_sha256       text,                             -- checksum of the archive, if any
    inputs              jsonb       NOT NULL DEFAULT '[]',
    outputs             jsonb       NOT NULL DEFAULT '[]',
    status              text        NOT NULL,
    published_by        text,                             -- actor id
    published_at        timestamptz NOT NULL,
    deprecated_at       timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT module_registry_status_check CHECK (status IN ('published', 'deprecated', 'withdrawn'))
);
COMMENT ON TABLE module_registry IS 'Terraform module versions published to the organization''s private registry, one row per version.';

-- Also serves listing the versions of one module.
CREATE UNIQUE INDEX module_registry_module_version_key
    ON module_registry (organization_id, namespace, name, provider, version);
CREATE INDEX module_registry_organization_page_idx ON module_registry (organization_id, created_at, id);


CREATE TABLE drift_detection (
    id                  text PRIMARY KEY,                 -- drf_, one row per recorded check
    organization_id     text        NOT NULL,
    project_id          text        NOT NULL,             -- prj_, no foreign key (other projection)
    workspace_id        text        NOT NULL,             -- wks_, no foreign key (other projection)
    status              text        NOT NULL,
    trigger_source      text        NOT NULL,
    resources_checked   integer     NOT NULL,
    resources_drifted   integer     NOT NULL,
    -- Drifted resources: address, change kind and attribute names; no attribute values.
    drifted_resources   jsonb       NOT NULL DEFAULT '[]',
    error_message       text,
    checked_at          timestamptz NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT drift_detection_status_check CHECK (status IN ('in_sync', 'drifted', 'failed')),
    CONSTRAINT drift_detection_trigger_source_check CHECK (trigger_source IN ('schedule', 'manual', 'api')),
    CONSTRAINT drift_detection_counts_check
        CHECK (resources_checked >= 0 AND resources_drifted BETWEEN 0 AND resources_checked),
    CONSTRAINT drift_detection_drifted_resources_check CHECK (jsonb_typeof(drifted_resources) = 'array')
);
COMMENT ON TABLE drift_detection IS 'History of drift checks: the result of comparing each workspace''s state with the real infrastructure.';

CREATE INDEX drift_detection_organization_page_idx ON drift_detection (organization_id, created_at, id);
-- Latest checks of one workspace.
CREATE INDEX drift_detection_workspace_idx ON drift_detection (workspace_id, checked_at DESC, id DESC);
