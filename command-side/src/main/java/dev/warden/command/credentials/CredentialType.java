package dev.warden.command.credentials;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.command.support.Aggregates;
import dev.warden.events.credentials.CreateCredentialTypeCommand;
import dev.warden.events.credentials.CredentialField;
import dev.warden.events.credentials.CredentialTypeCreatedEvent;
import dev.warden.events.credentials.DefineSystemCredentialTypeCommand;
import dev.warden.events.shared.IdKind;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A credential type: a template of fields credentials are checked against. A system type (no
 * organization) is seen by every organization; an organization's own only by it. Types do not change
 * once defined, so a credential's values are always read against the fields they were checked with.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class CredentialType {

    @AggregateIdentifier
    private String credentialTypeId;
    private String organizationId;
    private String provider;
    private List<CredentialField> fields = new ArrayList<>();
    private boolean defined;

    protected CredentialType() {
    }

    /** Creates an organization's type; the caller has checked the fields and claimed the name. */
    CredentialType(CreateCredentialTypeCommand command, String name, String description, List<CredentialField> fields) {
        apply(new CredentialTypeCreatedEvent(command.credentialTypeId(), command.organizationId(), name,
                command.provider(), description, fields));
    }

    /** The type {@code credentialTypeId} if {@code organizationId} sees it; another's looks missing. */
    static CredentialType load(Repository<CredentialType> types, String credentialTypeId, String organizationId) {
        return Aggregates.load(types, IdKind.CREDENTIAL_TYPE.require(credentialTypeId)).invoke(type -> {
            if (type.organizationId != null && !type.organizationId.equals(organizationId)) {
                throw IdKind.CREDENTIAL_TYPE.notFound(credentialTypeId);
            }
            return type;
        });
    }

    /** Defines the system type, unless it is defined already. */
    void define(DefineSystemCredentialTypeCommand command, String name, String description,
                List<CredentialField> checked) {
        if (!defined) {
            apply(new CredentialTypeCreatedEvent(command.credentialTypeId(), null, name, command.provider(),
                    description, checked));
        }
    }

    String provider() {
        return provider;
    }

    List<CredentialField> fields() {
        return List.copyOf(fields);
    }

    @EventSourcingHandler
    void on(CredentialTypeCreatedEvent event) {
        credentialTypeId = event.credentialTypeId();
        organizationId = event.organizationId();
        provider = event.provider();
        fields = new ArrayList<>(event.fields());
        defined = true;
    }
}
