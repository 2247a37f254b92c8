package dev.warden.query.identity;

import dev.warden.events.identity.ApiKeyIssuedEvent;
import dev.warden.events.identity.ApiKeyRevokedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import dev.warden.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code api_keys}: each key's prefix, the hash of its secret, its scopes, expiry and
 * revocation, written with the processor's batch ({@link ProjectionWrites}), keyed by the key.
 */
@Component
@ProcessingGroup(IdentityProjection.GROUP)
public class ApiKeyProjection {

    private final ProjectionWrites writes;

    ApiKeyProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(ApiKeyIssuedEvent event, Logged logged) {
        String[] scopes = event.scopes() == null ? new String[0]
                : event.scopes().stream().sorted().toArray(String[]::new);
        writes.write(key(event.keyId()), """
                        INSERT INTO api_keys (id, organization_id, name, prefix, secret_hash, scopes, created_by,
                                              created_at, updated_at, expires_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.keyId(), event.organizationId(), event.name(), event.prefix(), event.secretHash(), scopes,
                event.issuedBy(), logged.time(), logged.time(), Rows.timestamp(event.expiresAt()), logged.position());
    }

    @EventHandler
    public void on(ApiKeyRevokedEvent event, Logged logged) {
        writes.write(key(event.keyId()), """
                        UPDATE api_keys
                        SET revoked_at = coalesce(revoked_at, ?), updated_at = ?, last_event_position = ?
                        WHERE id = ? AND organization_id = ? AND last_event_position < ?""",
                logged.time(), logged.time(), logged.position(), event.keyId(), event.organizationId(),
                logged.position());
    }

    @ResetHandler
    public void reset() {
        writes.clear("api_keys");
    }

    private static String key(String keyId) {
        return "api_keys " + keyId;
    }
}
