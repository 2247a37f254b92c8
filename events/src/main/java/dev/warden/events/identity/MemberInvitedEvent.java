package dev.warden.events.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A person was invited into an organization: the user {@code userId}, or whoever signs in with
 * {@code email} (exactly one of the two is set). The invitation lapses at {@code expiresAt}.
 */
@Revision("1")
public record MemberInvitedEvent(String invitationId,
                                 String organizationId,
                                 String userId,
                                 String email,
                                 Instant expiresAt) {
}
