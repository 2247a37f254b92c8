package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to unlink an external identity; refused if it is the user's last way to sign in.
 */
public record UnlinkAccountCommand(@TargetAggregateIdentifier String userId,
                                   String accountId) {
}
