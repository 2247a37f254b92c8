package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to register a person with a password. The email must be unique, ignoring case. With an
 * organization, the user joins it as a Viewer in the same transaction (the organization invited them).
 * The password arrives already hashed and is kept out of the log.
 */
public record RegisterUserCommand(@TargetAggregateIdentifier String userId,
                                  String email,
                                  String displayName,
                                  String passwordHash,
                                  String organizationId,
                                  String memberId) implements OrganizationScoped {

    /** Never prints the passwordHash, nor the email and name (personal data, see {@link PersonalFields}). */
    @Override
    public String toString() {
        return "RegisterUserCommand[userId=" + userId + ", email=[redacted], displayName=[redacted], passwordHash=[redacted], organizationId=" + organizationId + ", memberId=" + memberId + "]";
    }
}
