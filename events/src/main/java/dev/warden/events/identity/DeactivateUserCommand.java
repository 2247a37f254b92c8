package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to deactivate an account everywhere: no sign-in, no session or key works in any
 * organization. Account-wide, so only an operator may ask; an organization suspends a membership
 * instead ({@link SuspendMemberCommand}).
 */
public record DeactivateUserCommand(@TargetAggregateIdentifier String userId) {
}
