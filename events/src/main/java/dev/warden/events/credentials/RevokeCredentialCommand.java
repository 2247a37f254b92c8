package dev.warden.events.credentials;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to revoke a credential: it stays readable by a reveal but is no longer to be used; rotating it is refused. Revoking a revoked one stores nothing.
 */
public record RevokeCredentialCommand(@TargetAggregateIdentifier String credentialId, String organizationId) implements OrganizationScoped {
}
