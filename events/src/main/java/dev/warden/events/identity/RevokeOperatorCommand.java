package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to take the operator role from a user; an operator cannot take it from themselves, so one
 * always remains.
 */
public record RevokeOperatorCommand(@TargetAggregateIdentifier String userId) {
}
