package dev.warden.query.identity;

import dev.warden.events.identity.ApiKeyIssuedEvent;
import dev.warden.events.identity.ApiKeyRevokedEvent;
import dev.warden.query.support.Positions;
import dev.warden.query.support.Rows;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code api_keys}: each key's prefix, the hash of its secret, its scopes, expiry and revocation. */
@Component
@ProcessingGroup(IdentityProjection.GROUP)
public class ApiKeyProjection {

    private final JdbcClient jdbc;

    ApiKeyProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(ApiKeyIssuedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        String[] scopes = event.scopes() == null ? new String[0]
                : event.scopes().stream().sorted().toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO api_keys (id, organization_id, name, prefix, secret_hash, scopes, created_by,
                                              created_at, updated_at, expires_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.keyId(), event.organizationId(), event.name(), event.prefix(), event.secretHash(),
                        scopes, event.issuedBy(), Timestamp.from(at), Timestamp.from(at),
                        Rows.timestamp(event.expiresAt()), Positions.of(token))
                .update();
    }

    @EventHandler
    public void on(ApiKeyRevokedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        long position = Positions.of(token);
        jdbc.sql("""
                        UPDATE api_keys
                        SET revoked_at = coalesce(revoked_at, ?), updated_at = ?, last_event_position = ?
                        WHERE id = ? AND organization_id = ? AND last_event_position < ?""")
                .params(Timestamp.from(at), Timestamp.from(at), position, event.keyId(), event.organizationId(),
                        position)
                .update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM api_keys").update();
    }
}
