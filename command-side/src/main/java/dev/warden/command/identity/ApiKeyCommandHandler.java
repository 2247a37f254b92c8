package dev.warden.command.identity;

import dev.warden.command.support.Aggregates;
import dev.warden.command.support.Grants;
import dev.warden.events.access.Permissions;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.IssueApiKeyCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.time.Clock;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Issuing an API key of an organization. A key acts with its scopes, so nobody issues a key with a
 * permission they do not hold themselves; the key revokes itself ({@link ApiKey}).
 */
@Component
class ApiKeyCommandHandler {

    static final int MAX_KEY_NAME_LENGTH = 100;
    private static final TextRule KEY_NAME = TextRule.line(IdentityErrorCode.INVALID_API_KEY, "A key name",
            MAX_KEY_NAME_LENGTH);

    private final Repository<Organization> organizations;
    private final Repository<ApiKey> apiKeys;
    private final Grants grants;
    private final Clock clock;

    ApiKeyCommandHandler(@Qualifier("organizationRepository") Repository<Organization> organizations,
                         @Qualifier("apiKeyRepository") Repository<ApiKey> apiKeys, Grants grants, Clock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.grants = grants;
        this.clock = clock;
    }

    @CommandHandler
    void handle(IssueApiKeyCommand command) throws Exception {
        String name = KEY_NAME.check(command.name());
        requireKnownScopes(command.scopes());
        if (command.expiresAt() != null && !command.expiresAt().isAfter(clock.instant())) {
            throw new DomainException(IdentityErrorCode.INVALID_API_KEY, "An expiry lies in the future");
        }
        Aggregates.load(organizations, command.organizationId());
        grants.requireHeld(command.scopes());
        apiKeys.newInstance(() -> new ApiKey(command, name));
    }

    private static void requireKnownScopes(Set<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new DomainException(IdentityErrorCode.INVALID_API_KEY, "A key needs at least one scope");
        }
        for (String scope : scopes) {
            if (!Permissions.isKnown(scope)) {
                throw new DomainException(IdentityErrorCode.INVALID_API_KEY,
                        "Unknown permission: " + Text.excerpt(scope));
            }
        }
    }
}
