-- Access requests opened before due_commands existed: their expiry becomes a due command, read
-- from the log (authoritative, unlike a read model that may lag). A request whose only event is
-- its opening is still pending. Running this again adds nothing already there.
INSERT INTO due_commands (key, due_at, command_type, command)
SELECT 'access-request-expiry:' || requested.aggregate_identifier,
       (requested.payload ->> 'expiresAt')::timestamptz,
       'dev.warden.events.access.ExpireAccessRequestCommand',
       jsonb_build_object('requestId', requested.payload ->> 'requestId',
                          'organizationId', requested.payload ->> 'organizationId')
FROM domain_event_entry requested
WHERE requested.payload_type = 'dev.warden.events.access.AccessRequestedEvent'
  AND requested.payload ->> 'expiresAt' IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM domain_event_entry later
                  WHERE later.aggregate_identifier = requested.aggregate_identifier
                    AND later.sequence_number > requested.sequence_number)
ON CONFLICT (key) DO NOTHING;
