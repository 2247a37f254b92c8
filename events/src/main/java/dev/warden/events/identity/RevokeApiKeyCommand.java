package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to revoke an API key of an organization.
 */
public record RevokeApiKeyCommand(@TargetAggregateIdentifier String keyId,
                                  String organizationId) implements OrganizationScoped {
}
