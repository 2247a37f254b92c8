-- The audit trail is the log itself: these views read domain_event_entry and its metadata.
-- Nothing writes audit rows by hand.

CREATE VIEW audit_events AS
SELECT e.global_index                             AS position,
       e.event_identifier                         AS event_id,
       e.time_stamp                               AS occurred_at,
       regexp_replace(e.payload_type, '^.*\.', '') AS event_type,
       e.payload_revision                         AS event_revision,
       e.type                                     AS entity_type,
       e.aggregate_identifier                     AS entity_id,
       e.sequence_number                          AS entity_version,
       e.meta_data ->> 'organizationId'           AS organization_id,
       e.meta_data ->> 'actorId'                  AS actor_id,
       e.meta_data ->> 'actorType'                AS actor_type,
       e.meta_data ->> 'requestId'                AS request_id,
       e.meta_data ->> 'correlationId'            AS correlation_id,
       e.meta_data ->> 'causationId'              AS causation_id,
       e.meta_data ->> 'clientAddress'            AS client_address,
       e.payload                                  AS payload
FROM domain_event_entry e;

COMMENT ON VIEW audit_events IS 'Every event with who, where from and why (correlation), straight from the log.';

-- A lighter feed for people: who did what to which thing, newest first when ordered by position.
CREATE VIEW activity_stream AS
SELECT e.global_index                             AS position,
       e.time_stamp                               AS occurred_at,
       e.meta_data ->> 'organizationId'           AS organization_id,
       e.meta_data ->> 'actorId'                  AS actor_id,
       e.meta_data ->> 'actorType'                AS actor_type,
       regexp_replace(e.payload_type, '^.*\.', '') AS event_type,
       e.type                                     AS entity_type,
       e.aggregate_identifier                     AS entity_id,
       coalesce(e.payload ->> 'name', e.payload ->> 'email', e.payload ->> 'permission',
                e.payload ->> 'userId')           AS subject
FROM domain_event_entry e;

COMMENT ON VIEW activity_stream IS 'Who did what to which entity, one row per event.';
