package dev.warden.events.credentials;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a credential's plaintext values: answered once to the caller, and recorded as an event (which version; who, when and from where are in the event's metadata). Refused once the credential is revoked or destroyed.
 */
public record RevealCredentialCommand(@TargetAggregateIdentifier String credentialId, String organizationId) implements OrganizationScoped {
}
