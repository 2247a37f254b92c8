package dev.warden.command.access;

import dev.warden.command.governance.CallerRoles;
import dev.warden.command.identity.ApiKey;
import dev.warden.command.identity.Organization;
import dev.warden.command.support.Aggregates;
import java.util.Set;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Governance's view of a caller's roles, from the organization's assignments (the aggregate, checked
 * against the log, in the command's transaction). A member holds the roles assigned to them there; an
 * API key holds none of its own but acts for its issuer, so it holds the issuer's. A caller that is
 * no member, or a key of another organization, holds none.
 */
@Component
class AccessCallerRoles implements CallerRoles {

    private final Repository<Organization> organizations;
    private final Repository<ApiKey> apiKeys;

    AccessCallerRoles(@Qualifier("organizationRepository") Repository<Organization> organizations,
                      @Qualifier("apiKeyRepository") Repository<ApiKey> apiKeys) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
    }

    @Override
    public Set<String> roleIds(String organizationId, String userId, String apiKeyId) {
        String member = userId != null ? userId : apiKeyId == null ? null : issuerOf(organizationId, apiKeyId);
        if (member == null) {
            return Set.of();
        }
        return Aggregates.load(organizations, organizationId).invoke(o -> o.rolesOf(member));
    }

    private String issuerOf(String organizationId, String apiKeyId) {
        Aggregate<ApiKey> key = Aggregates.load(apiKeys, apiKeyId);
        return organizationId.equals(key.invoke(ApiKey::organizationId)) ? key.invoke(ApiKey::issuedBy) : null;
    }
}
