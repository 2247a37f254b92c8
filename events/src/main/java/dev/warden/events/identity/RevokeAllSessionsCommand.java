package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to end every session of a user at once: the user themselves, or an operator. An
 * organization ends only its own reach ({@link EndMemberSessionsCommand}).
 */
public record RevokeAllSessionsCommand(@TargetAggregateIdentifier String userId) {
}
