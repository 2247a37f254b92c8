-- Projects, workspaces, runs and drift checks, as the infrastructure projections write them. V0005
-- made the tables before anything wrote them; this fits them to the model: a workspace's environment,
-- lock reason, archive time and latest drift check, the runs of each workspace, and drift checks
-- with the statuses and summary the API speaks.

ALTER TABLE workspaces
    ADD COLUMN environment      text,
    ADD COLUMN lock_reason      text,
    ADD COLUMN archived_at      timestamptz,
    ADD COLUMN drift_status     text,
    ADD COLUMN drift_checked_at timestamptz,
    ADD COLUMN drift_check_id   text,                     -- drf_ of the latest check
    ADD CONSTRAINT workspaces_archived_at_check CHECK ((status = 'archived') = (archived_at IS NOT NULL)),
    ADD CONSTRAINT workspaces_drift_status_check CHECK (drift_status IN ('no-drift', 'drifted', 'failed')),
    ADD CONSTRAINT workspaces_drift_checked_check CHECK ((drift_status IS NULL) = (drift_checked_at IS NULL));
COMMENT ON COLUMN workspaces.drift_status IS 'Status of the latest drift check, null before the first.';

-- A project's workspaces, newest first.
CREATE INDEX workspaces_project_page_idx ON workspaces (project_id, created_at, id);
-- An organization's drifted workspaces (latest check drifted, not archived), most recently checked first.
CREATE INDEX workspaces_drifted_idx ON workspaces (organization_id, drift_checked_at, id)
    WHERE drift_status = 'drifted' AND status <> 'archived';


CREATE TABLE workspace_runs (
    id                   text PRIMARY KEY,                 -- run_
    organization_id      text        NOT NULL,
    project_id           text        NOT NULL,
    workspace_id         text        NOT NULL,
    operation            text        NOT NULL,
    status               text        NOT NULL,
    trigger_source       text        NOT NULL,
    triggered_by         text,                             -- actor id (usr_ or key_)
    -- Resources the run adds, changes and destroys (a plan: would); null until reported.
    resources_to_add     integer,
    resources_to_change  integer,
    resources_to_destroy integer,
    started_at           timestamptz,
    finished_at          timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    last_event_position  bigint      NOT NULL,
    -- Runs are events of their workspace, projected by the same processor in log order.
    CONSTRAINT workspace_runs_workspace_id_fkey FOREIGN KEY (workspace_id)
        REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT workspace_runs_operation_check CHECK (operation IN ('init', 'plan', 'apply', 'destroy')),
    CONSTRAINT workspace_runs_status_check
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    CONSTRAINT workspace_runs_trigger_source_check CHECK (trigger_source IN ('manual', 'vcs', 'schedule', 'api')),
    CONSTRAINT workspace_runs_counts_check
        CHECK (resources_to_add >= 0 AND resources_to_change >= 0 AND resources_to_destroy >= 0)
);
COMMENT ON TABLE workspace_runs IS 'Terraform runs (init, plan, apply, destroy) recorded on workspaces by runners.';

-- A workspace's runs, newest first; also serves the foreign key.
CREATE INDEX workspace_runs_workspace_page_idx ON workspace_runs (workspace_id, created_at, id);


-- Drift checks speak the API's statuses, say what they found in a summary (a failed check: why),
-- and name who triggered them.
ALTER TABLE drift_detection
    DROP CONSTRAINT drift_detection_status_check,
    ADD CONSTRAINT drift_detection_status_check CHECK (status IN ('no-drift', 'drifted', 'failed')),
    DROP COLUMN error_message,
    ADD COLUMN summary      text NOT NULL DEFAULT '',
    ADD COLUMN triggered_by text;                           -- actor id

-- A workspace's checks, newest first (checked_at is the time the check was recorded, as created_at).
DROP INDEX drift_detection_workspace_idx;
CREATE INDEX drift_detection_workspace_page_idx ON drift_detection (workspace_id, created_at, id);


-- The activity feed names a run by its operation (init, plan, apply, destroy) and a drift check by
-- its status; the columns stay as V0004 made them.
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
                e.payload ->> 'userId', e.payload ->> 'operation', e.payload ->> 'status') AS subject
FROM domain_event_entry e;
