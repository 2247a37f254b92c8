-- Access control read models: the permission catalogue, roles and who holds them.

CREATE TABLE permissions (
    name                text        PRIMARY KEY,
    resource            text        NOT NULL,
    action              text        NOT NULL,
    description         text        NOT NULL,
    CONSTRAINT permissions_name_check CHECK (name = resource || ':' || action)
);
COMMENT ON TABLE permissions IS 'The system permission catalogue (resource:action), filled from the log.';

CREATE TABLE roles (
    id                  text        PRIMARY KEY,
    organization_id     text,
    name                text        NOT NULL,
    description         text        NOT NULL DEFAULT '',
    system              boolean     NOT NULL,
    version             bigint      NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT roles_system_check CHECK (system = (organization_id IS NULL))
);
-- Not unique: which role names clash is the command side's decision (command_unique_names). A
-- unique index folding case by PostgreSQL's rules could refuse a role the log holds and stall the
-- projection for good.
CREATE INDEX roles_name_idx ON roles (coalesce(organization_id, ''), lower(name));
CREATE INDEX roles_organization_idx ON roles (organization_id, id);
COMMENT ON TABLE roles IS 'System roles (no organization) and custom roles of one organization.';

CREATE TABLE role_permissions (
    role_id             text        NOT NULL,
    permission          text        NOT NULL,
    granted_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    PRIMARY KEY (role_id, permission),
    CONSTRAINT role_permissions_role_fkey FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
);
COMMENT ON TABLE role_permissions IS 'Permissions granted to each role.';

CREATE TABLE user_roles (
    organization_id     text        NOT NULL,
    user_id             text        NOT NULL,
    role_id             text        NOT NULL,
    assigned_by         text,
    assigned_at         timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    PRIMARY KEY (organization_id, user_id, role_id)
);
CREATE INDEX user_roles_role_idx ON user_roles (role_id);
COMMENT ON TABLE user_roles IS 'Roles assigned to members, per organization.';

CREATE TABLE access_requests (
    id                  text        PRIMARY KEY,
    organization_id     text        NOT NULL,
    requester_id        text        NOT NULL,
    role_id             text        NOT NULL,
    justification       text        NOT NULL,
    status              text        NOT NULL,
    decided_by          text,
    decision_reason     text,
    expires_at          timestamptz,
    decided_at          timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    last_event_position bigint      NOT NULL,
    CONSTRAINT access_requests_status_check
        CHECK (status IN ('pending', 'approved', 'denied', 'cancelled', 'expired'))
);
CREATE INDEX access_requests_organization_idx ON access_requests (organization_id, status, created_at, id);
COMMENT ON TABLE access_requests IS 'Requests for a role, and how they were decided.';
