package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to end every session of a user at once.
 */
public record RevokeAllSessionsCommand(@TargetAggregateIdentifier String userId) {
}
