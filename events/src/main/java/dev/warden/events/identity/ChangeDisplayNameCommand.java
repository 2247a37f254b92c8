package dev.warden.events.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to change a user's display name.
 */
public record ChangeDisplayNameCommand(@TargetAggregateIdentifier String userId,
                                       String displayName) {

    /** Never prints the displayName (personal data, see {@link PersonalFields}). */
    @Override
    public String toString() {
        return "ChangeDisplayNameCommand[userId=" + userId + ", displayName=[redacted]]";
    }
}
