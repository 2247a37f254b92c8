package dev.warden.events.credentials;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to destroy a credential's secret for good: its data key is shredded in the same transaction as the event, so the log's ciphertexts can never be read again. Destroying a destroyed one stores nothing.
 */
public record DestroyCredentialCommand(@TargetAggregateIdentifier String credentialId, String organizationId) implements OrganizationScoped {
}
