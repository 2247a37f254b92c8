package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to issue an API key of an organization. Only the SHA-256 of the secret is known here;
 * the scopes are a subset of the issuer's permissions.
 */
public record IssueApiKeyCommand(@TargetAggregateIdentifier String keyId,
                                 String organizationId,
                                 String name,
                                 String prefix,
                                 String secretHash,
                                 Set<String> scopes,
                                 Instant expiresAt,
                                 String issuedBy) implements OrganizationScoped {
}
