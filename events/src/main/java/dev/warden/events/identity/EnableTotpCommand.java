package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Confirms a user's TOTP enrolment with a current code.
 */
public record EnableTotpCommand(@TargetAggregateIdentifier String userId,
                                String code) {

    /** Never prints the code. */
    @Override
    public String toString() {
        return "EnableTotpCommand[userId=" + userId + ", code=[redacted]]";
    }
}
