package dev.warden.events.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A person was invited into an organization: the user {@code userId}, or whoever signs in with an
 * email (exactly one of the two is named). The invitation lapses at {@code expiresAt}. From revision 2
 * an email is encrypted under the invitation's own data key ({@link PersonalFields}, subject: the
 * invitation id) and {@code email} is null; revision 1 held it in plaintext.
 */
@Revision("2")
public record MemberInvitedEvent(String invitationId,
                                 String organizationId,
                                 String userId,
                                 String email,
                                 Instant expiresAt,
                                 byte[] encryptedEmail) {

    /** An event of revision 1, plaintext (older logs, tests of them). */
    public MemberInvitedEvent(String invitationId, String organizationId, String userId, String email,
                              Instant expiresAt) {
        this(invitationId, organizationId, userId, email, expiresAt, null);
    }

    /** Whether the invitee is named by an email (rather than by a user id). */
    public boolean byEmail() {
        return email != null || encryptedEmail != null;
    }
}
