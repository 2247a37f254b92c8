package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to set a user's password. The caller has checked the current one; the hash never enters the log.
 */
public record ChangePasswordCommand(@TargetAggregateIdentifier String userId,
                                    String passwordHash) {

    /** Never prints the passwordHash. */
    @Override
    public String toString() {
        return "ChangePasswordCommand[userId=" + userId + ", passwordHash=[redacted]]";
    }
}
