package dev.warden.command.credentials;

import dev.warden.command.support.UniqueNames;
import dev.warden.events.credentials.CreateCredentialTypeCommand;
import dev.warden.events.credentials.CredentialField;
import dev.warden.events.credentials.CredentialsErrorCode;
import dev.warden.events.credentials.DefineSystemCredentialTypeCommand;
import dev.warden.events.shared.DomainException;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Credential types: an organization's own, created with a name unique in it (ignoring case), and
 * the system's, defined by the seeder under fixed ids (defining one again stores nothing).
 */
@Component
class CredentialTypeCommandHandler {

    private final Repository<CredentialType> types;
    private final UniqueNames names;

    CredentialTypeCommandHandler(@Qualifier("credentialTypeRepository") Repository<CredentialType> types,
                                 UniqueNames names) {
        this.types = types;
        this.names = names;
    }

    @CommandHandler
    void handle(CreateCredentialTypeCommand command) throws Exception {
        String name = CredentialTypeRules.name(command.name());
        String description = CredentialTypeRules.description(command.description());
        CredentialTypeRules.provider(command.provider(), true);
        List<CredentialField> fields = CredentialTypeRules.fields(command.fields());
        if (!names.claim(CredentialTypeRules.nameScope(command.organizationId()), CredentialTypeRules.nameKey(name),
                command.credentialTypeId())) {
            throw new DomainException(CredentialsErrorCode.CREDENTIAL_TYPE_NAME_TAKEN, "A credential type named '"
                    + name + "' exists already in this organization");
        }
        types.newInstance(() -> new CredentialType(command, name, description, fields));
    }

    @CommandHandler
    void handle(DefineSystemCredentialTypeCommand command) throws Exception {
        String name = CredentialTypeRules.name(command.name());
        String description = CredentialTypeRules.description(command.description());
        CredentialTypeRules.provider(command.provider(), true);
        List<CredentialField> fields = CredentialTypeRules.fields(command.fields());
        types.loadOrCreate(command.credentialTypeId(), CredentialType::new)
                .execute(type -> type.define(command, name, description, fields));
    }
}
