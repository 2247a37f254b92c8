package dev.warden.command.identity;

import dev.warden.events.shared.IdKind;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.InvitationAcceptedEvent;
import dev.warden.events.identity.InvitationDeclinedEvent;
import dev.warden.events.identity.InvitationRevokedEvent;
import dev.warden.events.identity.InviteMemberCommand;
import dev.warden.events.identity.MemberInvitedEvent;
import dev.warden.events.shared.DomainException;
import java.time.Instant;
import java.util.Locale;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An organization's invitation to one person, named by user id or by email (kept only encrypted in
 * the log, and by keyed hash outside it: {@link UserRules#INVITATION_EMAIL_SCOPE}). Joining takes the
 * invitee's consent: only the addressee, signed in, accepts or declines it, once, before it lapses.
 * To anyone else (another user, another organization) it does not exist.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class Invitation {

    enum Status { PENDING, ACCEPTED, DECLINED, REVOKED }

    @AggregateIdentifier
    private String invitationId;
    private String organizationId;
    private String userId;
    /** The invitee's email of a revision 1 event (plaintext in the log already), normalized; null otherwise. */
    private String legacyEmailKey;
    private Instant expiresAt;
    private Status status;

    protected Invitation() {
    }

    /**
     * Records the invitation; the caller has checked the organization and, for an invitee named by email,
     * encrypted the address under the invitation's own data key and indexed its keyed hash.
     */
    Invitation(InviteMemberCommand command, byte[] encryptedEmail) {
        apply(new MemberInvitedEvent(command.invitationId(), command.organizationId(), command.userId(), null,
                command.expiresAt(), encryptedEmail));
    }

    /** The invitee's email of an invitation recorded before emails were encrypted; null for any other. */
    String legacyEmailKey() {
        return legacyEmailKey;
    }

    /**
     * Checks that the invitation is the organization's and addressed to this user, by id or (as the caller
     * found by comparing keyed hashes) by their current email; else it looks missing.
     */
    void requireAddressee(String organization, String user, boolean toTheirEmail) {
        boolean addressed = user.equals(userId) || userId == null && toTheirEmail;
        if (!organizationId.equals(organization) || !addressed) {
            throw IdKind.INVITATION.notFound(invitationId);
        }
    }

    /** Checks the invitation is the organization's; another organization's looks missing. */
    void requireIn(String organization) {
        if (!organizationId.equals(organization)) {
            throw IdKind.INVITATION.notFound(invitationId);
        }
    }

    /** Accepts it for {@code user}; answers false when it was accepted by them already (a retry). */
    boolean accept(String user, Instant now) {
        if (status == Status.ACCEPTED) {
            return false;
        }
        requirePending(now);
        apply(new InvitationAcceptedEvent(invitationId, organizationId, user));
        return true;
    }

    void decline(String user, Instant now) {
        if (status == Status.DECLINED) {
            return;
        }
        requirePending(now);
        apply(new InvitationDeclinedEvent(invitationId, organizationId, user));
    }

    void revoke() {
        if (status == Status.REVOKED) {
            return;
        }
        requireOpen();
        apply(new InvitationRevokedEvent(invitationId, organizationId));
    }

    private void requirePending(Instant now) {
        requireOpen();
        if (!now.isBefore(expiresAt)) {
            throw new DomainException(IdentityErrorCode.INVITATION_CLOSED, "The invitation has expired");
        }
    }

    private void requireOpen() {
        if (status != Status.PENDING) {
            throw new DomainException(IdentityErrorCode.INVITATION_CLOSED,
                    "The invitation was " + status.name().toLowerCase(Locale.ROOT) + " already");
        }
    }

    @EventSourcingHandler
    void on(MemberInvitedEvent event) {
        invitationId = event.invitationId();
        organizationId = event.organizationId();
        userId = event.userId();
        legacyEmailKey = event.email() == null ? null : UserRules.emailKey(event.email());
        expiresAt = event.expiresAt();
        status = Status.PENDING;
    }

    @EventSourcingHandler
    void on(InvitationAcceptedEvent event) {
        status = Status.ACCEPTED;
    }

    @EventSourcingHandler
    void on(InvitationDeclinedEvent event) {
        status = Status.DECLINED;
    }

    @EventSourcingHandler
    void on(InvitationRevokedEvent event) {
        status = Status.REVOKED;
    }
}
