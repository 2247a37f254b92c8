package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to end a session of {@code userId} (signing out is revoking one's own session).
 */
public record RevokeSessionCommand(@TargetAggregateIdentifier String sessionId,
                                   String userId) {
}
