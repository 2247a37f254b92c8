package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to erase a user's personal data (crypto-shredding): the user themself or an operator may. A
 * repeat changes nothing.
 */
public record ErasePersonalDataCommand(@TargetAggregateIdentifier String userId) {
}
