package dev.warden.events.identity;

import dev.warden.events.shared.OrganizationScoped;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to invite a person into an organization, named by user id or by email (exactly one). Nobody
 * becomes a member by being invited: the invitee accepts while signed in. Whether the id or the
 * address belongs to an account is never told to the inviter.
 */
public record InviteMemberCommand(@TargetAggregateIdentifier String invitationId,
                                  String organizationId,
                                  String userId,
                                  String email,
                                  Instant expiresAt) implements OrganizationScoped {

    /** Never prints the email (personal data, see {@link PersonalFields}). */
    @Override
    public String toString() {
        return "InviteMemberCommand[invitationId=" + invitationId + ", organizationId=" + organizationId + ", userId="
                + userId + ", email=" + (email == null ? null : "[redacted]") + ", expiresAt=" + expiresAt + "]";
    }
}
