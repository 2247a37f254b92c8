package dev.warden.command.identity;

import dev.warden.command.support.Aggregates;
import dev.warden.events.shared.IdKind;
import dev.warden.command.support.Grants;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.identity.AcceptInvitationCommand;
import dev.warden.events.identity.DeclineInvitationCommand;
import dev.warden.events.identity.EndMemberSessionsCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.InviteMemberCommand;
import dev.warden.events.identity.PersonalFields;
import dev.warden.events.identity.ReinstateMemberCommand;
import dev.warden.events.identity.RemoveMemberCommand;
import dev.warden.events.identity.RevokeInvitationCommand;
import dev.warden.events.identity.SuspendMemberCommand;
import dev.warden.events.shared.DomainException;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Who belongs to an organization, and what its Admins may do to a member: invite (the invitee
 * consents by accepting), remove, suspend and reinstate, end the member's sessions' reach into the
 * organization. Each acts on the organization alone; a member's account, and their standing in other
 * organizations, are never touched from here. Nobody acts on a member who holds more than they do.
 */
@Component
class MembershipCommandHandler {

    private final Repository<Organization> organizations;
    private final Repository<Invitation> invitations;
    private final Repository<User> users;
    private final RoleDirectory roles;
    private final Grants grants;
    private final Clock clock;
    private final UniqueNames names;
    private final PersonalData personal;

    MembershipCommandHandler(@Qualifier("organizationRepository") Repository<Organization> organizations,
                             @Qualifier("invitationRepository") Repository<Invitation> invitations,
                             @Qualifier("userRepository") Repository<User> users, RoleDirectory roles, Grants grants,
                             Clock clock, UniqueNames names, PersonalData personal) {
        this.organizations = organizations;
        this.invitations = invitations;
        this.users = users;
        this.roles = roles;
        this.grants = grants;
        this.clock = clock;
        this.names = names;
        this.personal = personal;
    }

    /** Invites by user id or email; the same answer whether or not an account exists behind it. */
    @CommandHandler
    void handle(InviteMemberCommand command) throws Exception {
        if ((command.userId() == null) == (command.email() == null)) {
            throw new DomainException(IdentityErrorCode.INVALID_EMAIL, "Name the invitee by userId or by email, not both");
        }
        String email = command.email() == null ? null : UserRules.requireEmail(command.email());
        Aggregate<Organization> organization = loadOrganization(command.organizationId());
        if (command.userId() != null && organization.invoke(o -> o.hasMember(command.userId()))) {
            throw new DomainException(IdentityErrorCode.ALREADY_MEMBER, "User " + command.userId() + " is a member already");
        }
        byte[] encrypted = null;
        if (email != null) {
            encrypted = personal.encryptNew(command.invitationId(), PersonalFields.EMAIL, email);
            names.claim(UserRules.INVITATION_EMAIL_SCOPE, command.invitationId(), personal.emailHash(email));
        }
        byte[] encryptedEmail = encrypted;
        invitations.newInstance(() -> new Invitation(command, encryptedEmail));
    }

    /** The addressee joins as a Viewer; a retried acceptance changes nothing. */
    @CommandHandler
    void handle(AcceptInvitationCommand command) {
        Aggregate<Invitation> invitation = addressed(command.invitationId(), command.organizationId(), command.userId());
        if (invitation.invoke(i -> i.accept(command.userId(), clock.instant()))) {
            String viewer = roles.viewerRoleId();
            loadOrganization(command.organizationId())
                    .execute(o -> o.addMember(command.memberId(), command.userId(), viewer));
        }
    }

    @CommandHandler
    void handle(DeclineInvitationCommand command) {
        addressed(command.invitationId(), command.organizationId(), command.userId())
                .execute(i -> i.decline(command.userId(), clock.instant()));
    }

    @CommandHandler
    void handle(RevokeInvitationCommand command) {
        Aggregate<Invitation> invitation = loadInvitation(command.invitationId());
        invitation.execute(i -> i.requireIn(command.organizationId()));
        invitation.execute(Invitation::revoke);
    }

    @CommandHandler
    void handle(RemoveMemberCommand command) {
        outranked(command.organizationId(), command.userId())
                .execute(o -> o.removeMember(command, roles.adminRoleId()));
    }

    @CommandHandler
    void handle(SuspendMemberCommand command) {
        outranked(command.organizationId(), command.userId()).execute(o -> o.suspend(command.userId(),
                roles.adminRoleId()));
    }

    @CommandHandler
    void handle(ReinstateMemberCommand command) {
        outranked(command.organizationId(), command.userId()).execute(o -> o.reinstate(command.userId()));
    }

    @CommandHandler
    void handle(EndMemberSessionsCommand command) {
        outranked(command.organizationId(), command.userId()).execute(o -> o.endSessions(command.userId()));
    }

    /**
     * The invitation, if it is the organization's and addressed to {@code userId}: by id, or by the keyed
     * hash of the email they hold now.
     */
    private Aggregate<Invitation> addressed(String invitationId, String organizationId, String userId) {
        Aggregate<Invitation> invitation = loadInvitation(invitationId);
        try {
            users.load(userId);
        } catch (AggregateNotFoundException e) {
            throw IdKind.INVITATION.notFound(invitationId);
        }
        String legacy = invitation.invoke(Invitation::legacyEmailKey);
        String addressHash = legacy != null ? personal.emailHash(legacy)
                : names.ownerOf(UserRules.INVITATION_EMAIL_SCOPE, invitationId).orElse(null);
        boolean toTheirEmail = addressHash != null && names.keysOf(UserRules.EMAIL_SCOPE, userId).contains(addressHash);
        invitation.execute(i -> i.requireAddressee(organizationId, userId, toTheirEmail));
        return invitation;
    }

    /**
     * The organization, once {@code userId} is known to be its member and the actor holds every
     * permission the member holds there: nobody acts on someone with more power than themselves.
     */
    private Aggregate<Organization> outranked(String organizationId, String userId) {
        Aggregate<Organization> organization = loadOrganization(organizationId);
        if (!organization.invoke(o -> o.hasMember(userId))) {
            throw IdKind.MEMBER.notFound(userId);
        }
        grants.requireHeld(() -> roles.permissionsOf(organization.invoke(o -> o.rolesOf(userId))));
        return organization;
    }

    private Aggregate<Invitation> loadInvitation(String invitationId) {
        return Aggregates.load(invitations, invitationId);
    }

    private Aggregate<Organization> loadOrganization(String organizationId) {
        return Aggregates.load(organizations, organizationId);
    }
}
