package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to remove a user's password; refused unless a linked account remains to sign in with.
 */
public record RemovePasswordCommand(@TargetAggregateIdentifier String userId) {
}
