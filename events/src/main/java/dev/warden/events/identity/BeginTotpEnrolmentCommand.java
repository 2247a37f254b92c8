package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a new TOTP secret for a user; answers the secret once. The second factor is on only
 * after {@link EnableTotpCommand} confirms a code made with it.
 */
public record BeginTotpEnrolmentCommand(@TargetAggregateIdentifier String userId) {
}
