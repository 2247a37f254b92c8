package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates the first user, an organization and makes the user its Admin, all at once. Refused once
 * any user exists.
 */
public record BootstrapAdminCommand(@TargetAggregateIdentifier String userId,
                                    String email,
                                    String displayName,
                                    String passwordHash,
                                    String organizationId,
                                    String organizationName,
                                    String memberId) implements OrganizationScoped {

    /** Never prints the passwordHash, nor the email and name (personal data, see {@link PersonalFields}). */
    @Override
    public String toString() {
        return "BootstrapAdminCommand[userId=" + userId + ", email=[redacted], displayName=[redacted], passwordHash=[redacted], organizationId=" + organizationId + ", organizationName=" + organizationName + ", memberId=" + memberId + "]";
    }
}
