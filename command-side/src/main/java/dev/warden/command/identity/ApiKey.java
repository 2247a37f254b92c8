package dev.warden.command.identity;

import dev.warden.events.shared.IdKind;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.identity.ApiKeyIssuedEvent;
import dev.warden.events.identity.ApiKeyRevokedEvent;
import dev.warden.events.identity.IssueApiKeyCommand;
import dev.warden.events.identity.RevokeApiKeyCommand;
import dev.warden.events.shared.DomainException;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An API key of one organization. Its secret is never known here, only the secret's SHA-256. */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class ApiKey {

    @AggregateIdentifier
    private String keyId;
    private String organizationId;
    private String issuedBy;
    private boolean revoked;

    protected ApiKey() {
    }

    /** Issues the key; the caller has validated name, scopes and expiry. */
    ApiKey(IssueApiKeyCommand command, String name) {
        apply(new ApiKeyIssuedEvent(command.keyId(), command.organizationId(), name, command.prefix(),
                command.secretHash(), new TreeSet<>(command.scopes()), command.expiresAt(), command.issuedBy()));
    }

    /** The organization the key acts in. */
    public String organizationId() {
        return organizationId;
    }

    /** The user who issued the key: it acts for them, within its scopes. */
    public String issuedBy() {
        return issuedBy;
    }

    @CommandHandler
    void handle(RevokeApiKeyCommand command) {
        if (!organizationId.equals(command.organizationId())) {
            throw IdKind.API_KEY.notFound(command.keyId());
        }
        if (!revoked) {
            apply(new ApiKeyRevokedEvent(keyId, organizationId));
        }
    }

    @EventSourcingHandler
    void on(ApiKeyIssuedEvent event) {
        keyId = event.keyId();
        organizationId = event.organizationId();
        issuedBy = event.issuedBy();
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        revoked = true;
    }
}
