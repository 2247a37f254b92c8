-- Tickets and the module registry of the infrastructure context (V0005 made their tables; nothing
-- wrote them before this). Rows are written by projections only, guarded by last_event_position.

-- Tickets. The status 'blocked' of tickets_status_check is used: an open ticket is set aside as
-- blocked and back to open (the command side's workflow). The columns labels and due_at stay unused
-- for now (no command sets them).
ALTER TABLE tickets ADD COLUMN comment_count integer NOT NULL DEFAULT 0;
COMMENT ON COLUMN tickets.reporter_id IS 'Actor id (usr_ or key_) of whoever opened the ticket.';

-- An organization's tickets of one project, newest first, of any status or of one.
CREATE INDEX tickets_organization_project_idx ON tickets (organization_id, project_id, created_at, id);
CREATE INDEX tickets_organization_project_status_idx
    ON tickets (organization_id, project_id, status, created_at, id);
DROP INDEX tickets_project_idx;

-- Comments of a ticket in the order they were made: number counts a ticket's comments from 1.
CREATE TABLE ticket_comments (
    ticket_id           text        NOT NULL,             -- tkt_, no foreign key (read models never refuse a row)
    number              integer     NOT NULL,
    organization_id     text        NOT NULL,
    body                text        NOT NULL,
    author_id           text,                             -- actor id (usr_ or key_)
    created_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT ticket_comments_pkey PRIMARY KEY (ticket_id, number),
    CONSTRAINT ticket_comments_number_check CHECK (number > 0)
);
COMMENT ON TABLE ticket_comments IS 'Comments on tickets, one row per TicketCommentedEvent.';


-- The module registry: one row per module (namespace, name, provider in an organization) in
-- modules, one row per published version in module_registry. Uniqueness is the command side's
-- (command_unique_names for modules; one version per precedence in the module aggregate).
CREATE TABLE modules (
    id                  text PRIMARY KEY,                 -- mod_
    organization_id     text        NOT NULL,
    namespace           text        NOT NULL,
    name                text        NOT NULL,
    provider            text        NOT NULL,
    -- namespace/name/provider in lower case: the list order and the uniqueness key. Only ASCII
    -- letters, digits, '-', '_' and '/' occur; compared byte by byte.
    module_key          text COLLATE "C" NOT NULL,
    latest_version      text        NOT NULL,             -- highest precedence published, deprecated or not
    version_count       integer     NOT NULL,
    created_by          text,                             -- actor id of the first publication
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL
);
COMMENT ON TABLE modules IS 'Terraform modules of an organization''s private registry; their versions are in module_registry.';

CREATE INDEX modules_organization_key_idx ON modules (organization_id, module_key, id);

-- A version's precedence taken apart so that SQL sorts by it (SemVer 2.0.0): the three numbers
-- (numeric, of any size), is_release (a release above its pre-releases) and pre_release_key, the
-- pre-release identifiers encoded to sort byte by byte as SemVer compares them ('' for a release).
-- Newest first is descending order of (major, minor, patch, is_release, pre_release_key).
ALTER TABLE module_registry
    ADD COLUMN module_id          text    NOT NULL,
    ADD COLUMN major              numeric NOT NULL,
    ADD COLUMN minor              numeric NOT NULL,
    ADD COLUMN patch              numeric NOT NULL,
    ADD COLUMN is_release         boolean NOT NULL,
    ADD COLUMN pre_release_key    text COLLATE "C" NOT NULL,
    ADD COLUMN deprecation_reason text,
    ADD COLUMN deprecated_by      text;
COMMENT ON COLUMN module_registry.id IS 'The module id, @ and the version without build metadata (its precedence).';
COMMENT ON COLUMN module_registry.status IS 'published or deprecated; withdrawn is not used yet.';
COMMENT ON COLUMN module_registry.source_sha256 IS 'Not set yet.';

-- A module's versions newest first, and one version by precedence. Versions that differ only in
-- build metadata are one version, so the version text is not unique on its own account.
CREATE INDEX module_registry_version_order_idx
    ON module_registry (organization_id, module_id, major, minor, patch, is_release, pre_release_key);
DROP INDEX module_registry_module_version_key;
