package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to change a user's email; the new one must be unique, ignoring case.
 */
public record ChangeEmailCommand(@TargetAggregateIdentifier String userId,
                                 String email) {

    /** Never prints the email (personal data, see {@link PersonalFields}). */
    @Override
    public String toString() {
        return "ChangeEmailCommand[userId=" + userId + ", email=[redacted]]";
    }
}
