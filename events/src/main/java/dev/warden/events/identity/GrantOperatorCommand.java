package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to make a user an operator: the one role above all organizations, which registers accounts
 * and deactivates them, lists and ends any user's sessions. Only an operator (or the system, for
 * the first Admin) grants it.
 */
public record GrantOperatorCommand(@TargetAggregateIdentifier String userId) {
}
