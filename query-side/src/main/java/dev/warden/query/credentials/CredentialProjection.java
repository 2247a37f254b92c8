package dev.warden.query.credentials;

import dev.warden.events.credentials.CredentialDestroyedEvent;
import dev.warden.events.credentials.CredentialKind;
import dev.warden.events.credentials.CredentialRevealedEvent;
import dev.warden.events.credentials.CredentialRevokedEvent;
import dev.warden.events.credentials.CredentialRotatedEvent;
import dev.warden.events.credentials.CredentialStoredEvent;
import dev.warden.events.credentials.SealedValue;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code cloud_provider_credentials} and {@code app_credentials} (chosen by the id's kind):
 * fields as plain values and masks (made from the ciphertext, {@link SecretMasks}), never a ciphertext. Every update is guarded by the row's last log
 * position, so handling an event twice changes nothing. A destroyed credential loses its fields.
 */
@Component
@ProcessingGroup(CredentialsProcessing.GROUP)
public class CredentialProjection {

    private final ProjectionWrites writes;
    private final SecretMasks masks;

    CredentialProjection(ProjectionWrites writes, SecretMasks masks) {
        this.writes = writes;
        this.masks = masks;
    }

    @EventHandler
    public void on(CredentialStoredEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        boolean cloud = event.kind() == CredentialKind.CLOUD;
        String fields = fields(event.credentialId(), 1, event.values(), event.secrets());
        writes.write(key(event.credentialId()), "INSERT INTO " + table(event.credentialId())
                        + " (id, organization_id, credential_type_id, " + (cloud ? "provider, " : "")
                        + "name, description, fields, version, status, created_by, created_at, updated_at,"
                        + " last_event_position) VALUES (?, ?, ?, " + (cloud ? "?, " : "")
                        + "?, ?, ?::jsonb, 1, 'active', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                cloud ? new Object[] {event.credentialId(), event.organizationId(), event.credentialTypeId(),
                        event.provider(), event.name(), event.description(), fields,
                        actorId, logged.time(), logged.time(), logged.position()}
                        : new Object[] {event.credentialId(), event.organizationId(), event.credentialTypeId(),
                        event.name(), event.description(), fields, actorId,
                        logged.time(), logged.time(), logged.position()});
    }

    @EventHandler
    public void on(CredentialRotatedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        update(event.credentialId(), "fields = ?::jsonb, version = ?, rotated_by = ?, rotated_at = ?", logged,
                fields(event.credentialId(), event.version(), event.values(), event.secrets()), event.version(), actorId,
                logged.time());
    }

    @EventHandler
    public void on(CredentialRevokedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        update(event.credentialId(), "status = 'revoked', revoked_by = ?, revoked_at = ?", logged, actorId,
                logged.time());
    }

    @EventHandler
    public void on(CredentialDestroyedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        update(event.credentialId(), "status = 'destroyed', fields = '{}'::jsonb, destroyed_by = ?, destroyed_at = ?",
                logged, actorId, logged.time());
    }

    @EventHandler
    public void on(CredentialRevealedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        update(event.credentialId(), "last_revealed_by = ?, last_revealed_at = ?, last_revealed_version = ?",
                logged, actorId, logged.time(), event.version());
    }

    @ResetHandler
    public void reset() {
        writes.clear("cloud_provider_credentials", "app_credentials");
    }

    /** The fields column: non-secret values in plain, secret ones as their masks (none once erased), by name. */
    private String fields(String credentialId, int version, Map<String, String> values,
                          Map<String, SealedValue> secrets) {
        Map<String, FieldView> fields = new TreeMap<>();
        values.forEach((name, value) -> fields.put(name, new FieldView(false, value)));
        secrets.forEach((name, sealed) -> fields.put(name, new FieldView(true,
                masks.of(credentialId, version, name, sealed))));
        return CredentialJson.write(fields);
    }

    private void update(String credentialId, String assignments, Logged logged, Object... values) {
        writes.updateRow(key(credentialId), table(credentialId), credentialId, assignments, logged, values);
    }

    private static String key(String credentialId) {
        return "credential " + credentialId;
    }

    /** The table of a credential, by its id's kind. */
    static String table(String credentialId) {
        return IdKind.APP_CREDENTIAL.matches(credentialId) ? "app_credentials" : "cloud_provider_credentials";
    }
}
