-- Identity and access read models, issue 3: the orders the new lists are read in (newest first).

CREATE INDEX api_keys_organization_created_idx ON api_keys (organization_id, created_at, id);
CREATE INDEX access_requests_organization_created_idx ON access_requests (organization_id, created_at, id);
