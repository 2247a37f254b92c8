package dev.warden.command.credentials;

import dev.warden.command.infrastructure.CredentialReferences;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Answers the infrastructure context whether a workspace variable may refer to a credential: one
 * load of the credential (from the aggregate cache, checked against the log), in the command's
 * transaction.
 */
@Component
class WorkspaceCredentialReferences implements CredentialReferences {

    private final Repository<Credential> credentials;

    WorkspaceCredentialReferences(@Qualifier("credentialRepository") Repository<Credential> credentials) {
        this.credentials = credentials;
    }

    @Override
    public boolean usable(String organizationId, String credentialId) {
        try {
            return credentials.load(credentialId).invoke(c -> c.referableFrom(organizationId));
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }
}
