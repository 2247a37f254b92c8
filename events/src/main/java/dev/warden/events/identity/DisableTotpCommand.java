package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Turns a user's TOTP second factor off; needs a current code.
 */
public record DisableTotpCommand(@TargetAggregateIdentifier String userId,
                                 String code) {

    /** Never prints the code. */
    @Override
    public String toString() {
        return "DisableTotpCommand[userId=" + userId + ", code=[redacted]]";
    }
}
