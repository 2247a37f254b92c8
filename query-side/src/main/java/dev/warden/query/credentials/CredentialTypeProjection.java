package dev.warden.query.credentials;

import dev.warden.events.credentials.CredentialTypeCreatedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Keeps {@code credential_type}: a type never changes once created, so its insert is idempotent. */
@Component
@ProcessingGroup(CredentialsProcessing.GROUP)
public class CredentialTypeProjection {

    private final ProjectionWrites writes;

    CredentialTypeProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(CredentialTypeCreatedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        writes.write("credential-type " + event.credentialTypeId(), """
                        INSERT INTO credential_type (id, organization_id, name, provider, description, fields,
                                                     created_by, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.credentialTypeId(), event.organizationId(), event.name(), event.provider(), event.description(),
                CredentialJson.write(event.fields()), actorId, logged.time(), logged.time(), logged.position());
    }

    @ResetHandler
    public void reset() {
        writes.clear("credential_type");
    }
}
