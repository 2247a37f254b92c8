package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to link an external identity (provider + provider account id, unique) to a user.
 */
public record LinkAccountCommand(@TargetAggregateIdentifier String userId,
                                 String accountId,
                                 String provider,
                                 String providerAccountId) {
}
