package dev.warden.command.credentials;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.command.support.Aggregates;
import dev.warden.events.credentials.CredentialDestroyedEvent;
import dev.warden.events.credentials.CredentialRevealedEvent;
import dev.warden.events.credentials.CredentialRevokedEvent;
import dev.warden.events.credentials.CredentialRotatedEvent;
import dev.warden.events.credentials.CredentialStoredEvent;
import dev.warden.events.credentials.CredentialsErrorCode;
import dev.warden.events.credentials.SealedValue;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A stored credential (a cloud provider's or an app's): its type, version, status and its current
 * values, the secret ones only sealed. Active until revoked; destroyed (its data key shredded) from
 * either. A revoked credential is neither rotated nor revealed; a destroyed one answers that its
 * secret was erased. Another organization's credential answers as missing.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class Credential {

    /** The sealed state a reveal opens: the version and the values, secret ones sealed. */
    record Sealed(int version, Map<String, String> values, Map<String, SealedValue> secrets) {
    }

    @AggregateIdentifier
    private String credentialId;
    private String organizationId;
    private String credentialTypeId;
    private int version;
    private boolean revoked;
    private boolean destroyed;
    private Map<String, String> values = new HashMap<>();
    private Map<String, SealedValue> secrets = new HashMap<>();

    protected Credential() {
    }

    /** Stores the credential; the handler has checked and sealed its values. */
    Credential(CredentialStoredEvent stored) {
        apply(stored);
    }

    /** The credential {@code credentialId} of {@code organizationId}; another organization's looks missing. */
    static org.axonframework.modelling.command.Aggregate<Credential> load(Repository<Credential> credentials,
                                                                          String credentialId, String organizationId) {
        org.axonframework.modelling.command.Aggregate<Credential> credential = Aggregates.load(credentials,
                credentialId);
        credential.execute(c -> {
            if (!c.organizationId.equals(organizationId)) {
                throw Aggregates.missing(credentialId);
            }
        });
        return credential;
    }

    /** The version a rotation now makes; refused when revoked or destroyed. */
    int nextVersion() {
        requireUsable();
        return version + 1;
    }

    String credentialTypeId() {
        return credentialTypeId;
    }

    /** Whether a workspace variable may refer to it: in this organization and not destroyed. */
    boolean referableFrom(String organization) {
        return organizationId.equals(organization) && !destroyed;
    }

    void rotate(int newVersion, Map<String, String> newValues, Map<String, SealedValue> newSecrets) {
        requireUsable();
        apply(new CredentialRotatedEvent(credentialId, organizationId, newVersion, newValues, newSecrets));
    }

    void revoke() {
        if (!revoked && !destroyed) {
            apply(new CredentialRevokedEvent(credentialId, organizationId, version));
        }
    }

    /** Records the destruction; answers whether it is new (the handler then shreds the key). */
    boolean destroy() {
        if (destroyed) {
            return false;
        }
        apply(new CredentialDestroyedEvent(credentialId, organizationId));
        return true;
    }

    /** What a reveal opens; refused when revoked or destroyed. */
    Sealed sealedForReveal() {
        requireUsable();
        return new Sealed(version, Map.copyOf(values), Map.copyOf(secrets));
    }

    void revealed(int revealedVersion) {
        apply(new CredentialRevealedEvent(credentialId, organizationId, revealedVersion));
    }

    private void requireUsable() {
        if (destroyed) {
            throw DataKeysCipher.erased();
        }
        if (revoked) {
            throw new DomainException(CredentialsErrorCode.CREDENTIAL_REVOKED,
                    "The credential is revoked: it is not rotated or revealed any more");
        }
    }

    @EventSourcingHandler
    void on(CredentialStoredEvent event) {
        credentialId = event.credentialId();
        organizationId = event.organizationId();
        credentialTypeId = event.credentialTypeId();
        version = 1;
        values = new HashMap<>(event.values());
        secrets = new HashMap<>(event.secrets());
    }

    @EventSourcingHandler
    void on(CredentialRotatedEvent event) {
        version = event.version();
        values = new HashMap<>(event.values());
        secrets = new HashMap<>(event.secrets());
    }

    @EventSourcingHandler
    void on(CredentialRevokedEvent event) {
        revoked = true;
    }

    @EventSourcingHandler
    void on(CredentialDestroyedEvent event) {
        destroyed = true;
        values = new HashMap<>();
        secrets = new HashMap<>();
    }
}
