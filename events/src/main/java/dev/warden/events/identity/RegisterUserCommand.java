package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to register a person. The email must be unique, ignoring case.
 */
public record RegisterUserCommand(@TargetAggregateIdentifier String userId,
                                  String email,
                                  String displayName) {
}
