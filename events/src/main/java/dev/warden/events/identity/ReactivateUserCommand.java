package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to let a deactivated account sign in again (an operator only).
 */
public record ReactivateUserCommand(@TargetAggregateIdentifier String userId) {
}
