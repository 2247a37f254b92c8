package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to end every session of a user at once: the user themselves, or (with an organization) an
 * administrator of an organization the user is a member of.
 */
public record RevokeAllSessionsCommand(@TargetAggregateIdentifier String userId,
                                       String organizationId) {
}
