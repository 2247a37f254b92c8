package dev.warden.command.identity;

import static dev.warden.command.access.AccessTestData.ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.SYSTEM_ROLE_ID;
import static dev.warden.command.access.AccessTestData.aliceJoined;
import static dev.warden.command.access.AccessTestData.organizationCreated;
import static dev.warden.command.identity.IdentityTestData.EMAIL;
import static dev.warden.command.identity.IdentityTestData.MEMBER_ID;
import static dev.warden.command.identity.IdentityTestData.OTHER_USER_ID;
import static dev.warden.command.identity.IdentityTestData.USER_ID;
import static dev.warden.command.identity.IdentityTestData.aliceRegistered;
import static dev.warden.command.identity.IdentityTestData.bobRegistered;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.access.AccessTestData;
import dev.warden.command.access.Role;
import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.Grants;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.MutableClock;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.identity.AcceptInvitationCommand;
import dev.warden.events.identity.DeclineInvitationCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.InvitationAcceptedEvent;
import dev.warden.events.identity.InvitationDeclinedEvent;
import dev.warden.events.identity.InvitationRevokedEvent;
import dev.warden.events.identity.InviteMemberCommand;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.MemberInvitedEvent;
import dev.warden.events.identity.PersonalFields;
import dev.warden.events.identity.RevokeInvitationCommand;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final String INVITATION_ID = AccessTestData.id(IdKind.INVITATION, "welcome");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(7));

    private AggregateTestFixture<Invitation> fixture;
    private EventSourcedAggregates<Organization> organizations;
    private MutableClock clock;
    private InMemoryUniqueNames names;
    private final TestPersonalData personal = new TestPersonalData();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invitation.class);
        organizations = new EventSourcedAggregates<>(Organization.class);
        organizations.given(ORGANIZATION_ID, organizationCreated(ORGANIZATION_ID));
        organizations.given(OTHER_ORGANIZATION_ID, organizationCreated(OTHER_ORGANIZATION_ID), aliceJoined());
        EventSourcedAggregates<User> users = new EventSourcedAggregates<>(User.class);
        users.given(USER_ID, aliceRegistered()).given(OTHER_USER_ID, bobRegistered());
        names = new InMemoryUniqueNames();
        AccessTestData.claimSystemRoleNames(names);
        names.claim(UserRules.EMAIL_SCOPE, personal.emailHash(EMAIL), USER_ID);
        names.claim(UserRules.EMAIL_SCOPE, personal.emailHash("bob@example.com"), OTHER_USER_ID);
        clock = new MutableClock(NOW);
        fixture.registerAnnotatedCommandHandler(new MembershipCommandHandler(organizations.repository(),
                fixture.getRepository(), users.repository(),
                AccessTestData.roleDirectory(names, new EventSourcedAggregates<>(Role.class).repository()), new Grants(),
                clock, names, personal));
    }

    private static MemberInvitedEvent aliceInvitedByEmail() {
        return new MemberInvitedEvent(INVITATION_ID, ORGANIZATION_ID, null, EMAIL, EXPIRES);
    }

    @Test
    void invitesByEmailWithoutLookingTheAddressUp() {
        fixture.givenNoPriorActivity()
                .when(new InviteMemberCommand(INVITATION_ID, ORGANIZATION_ID, null, "  nobody@example.com ", EXPIRES))
                .expectEvents(new MemberInvitedEvent(INVITATION_ID, ORGANIZATION_ID, null, null, EXPIRES,
                        TestPersonalData.sealed(INVITATION_ID, PersonalFields.EMAIL, "nobody@example.com")));
        assertThat(names.ownerOf(UserRules.INVITATION_EMAIL_SCOPE, INVITATION_ID))
                .as("the address is indexed by its keyed hash").contains(personal.emailHash("nobody@example.com"));
    }

    @Test
    void anInvitationSentToAnEncryptedAddressIsFoundByItsHash() {
        fixture.givenNoPriorActivity()
                .when(new InviteMemberCommand(INVITATION_ID, ORGANIZATION_ID, null, "ALICE@example.com", EXPIRES))
                .expectSuccessfulHandlerExecution();
        fixture.given(new MemberInvitedEvent(INVITATION_ID, ORGANIZATION_ID, null, null, EXPIRES,
                        TestPersonalData.sealed(INVITATION_ID, PersonalFields.EMAIL, "ALICE@example.com")))
                .when(new AcceptInvitationCommand(INVITATION_ID, ORGANIZATION_ID, USER_ID, MEMBER_ID))
                .expectEvents(new InvitationAcceptedEvent(INVITATION_ID, ORGANIZATION_ID, USER_ID));
        fixture.given(new MemberInvitedEvent(INVITATION_ID, ORGANIZATION_ID, null, null, EXPIRES,
                        TestPersonalData.sealed(INVITATION_ID, PersonalFields.EMAIL, "ALICE@example.com")))
                .when(new AcceptInvitationCommand(INVITATION_ID, ORGANIZATION_ID, OTHER_USER_ID, MEMBER_ID))
                .expectException(refusedWith(IdKind.INVITATION.notFoundCode()))
                .expectNoEvents();
    }

    @Test
    void invitingMakesNobodyAMember() {
        fixture.givenNoPriorActivity()
                .when(new InviteMemberCommand(INVITATION_ID, ORGANIZATION_ID, USER_ID, null, EXPIRES))
                .expectEvents(new MemberInvitedEvent(INVITATION_ID, ORGANIZATION_ID, USER_ID, null, EXPIRES));
        assertThat(organizations.eventsOf(ORGANIZATION_ID)).hasSize(1);
    }

    @Test
    void refusesAnInviteeNamedTwiceOrNotAtAll() {
        fixture.givenNoPriorActivity()
                .when(new InviteMemberCommand(INVITATION_ID, ORGANIZATION_ID, USER_ID, EMAIL, EXPIRES))
                .expectException(refusedWith(IdentityErrorCode.INVALID_EMAIL))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new InviteMemberCommand(INVITATION_ID, ORGANIZATION_ID, null, null, EXPIRES))
                .expectException(refusedWith(IdentityErrorCode.INVALID_EMAIL))
                .expectNoEvents();
    }

    @Test
    void refusesInvitingAMemberAgain() {
        fixture.givenNoPriorActivity()
                .when(new InviteMemberCommand(INVITATION_ID, OTHER_ORGANIZATION_ID, USER_ID, null, EXPIRES))
                .expectException(refusedWith(IdentityErrorCode.ALREADY_MEMBER))
                .expectNoEvents();
    }

    @Test
    void theAddresseeAcceptsAndJoinsAsViewer() {
        fixture.given(aliceInvitedByEmail())
                .when(new AcceptInvitationCommand(INVITATION_ID, ORGANIZATION_ID, USER_ID, MEMBER_ID))
                .expectEvents(new InvitationAcceptedEvent(INVITATION_ID, ORGANIZATION_ID, USER_ID));
        assertThat(organizations.eventsOf(ORGANIZATION_ID)).endsWith(
                new MemberAddedEvent(ORGANIZATION_ID, MEMBER_ID, USER_ID),
                new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID));
    }

    @Test
    void aRetriedAcceptanceChangesNothing() {
        fixture.given(aliceInvitedByEmail(), new InvitationAcceptedEvent(INVITATION_ID, ORGANIZATION_ID, USER_ID))
                .when(new AcceptInvitationCommand(INVITATION_ID, ORGANIZATION_ID, USER_ID, MEMBER_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(organizations.eventsOf(ORGANIZATION_ID)).hasSize(1);
    }

    @Test
    void toAnyoneButTheAddresseeTheInvitationDoesNotExist() {
        fixture.given(aliceInvitedByEmail())
                .when(new AcceptInvitationCommand(INVITATION_ID, ORGANIZATION_ID, OTHER_USER_ID, MEMBER_ID))
                .expectException(refusedWith(IdKind.INVITATION.notFoundCode()))
                .expectNoEvents();
        fixture.given(aliceInvitedByEmail())
                .when(new AcceptInvitationCommand(INVITATION_ID, OTHER_ORGANIZATION_ID, USER_ID, MEMBER_ID))
                .expectException(refusedWith(IdKind.INVITATION.notFoundCode()))
                .expectNoEvents();
        fixture.given(aliceInvitedByEmail())
                .when(new RevokeInvitationCommand(INVITATION_ID, OTHER_ORGANIZATION_ID))
                .expectException(refusedWith(IdKind.INVITATION.notFoundCode()))
                .expectNoEvents();
    }

    @Test
    void anExpiredInvitationCannotBeAccepted() {
        clock.set(EXPIRES);

        fixture.given(aliceInvitedByEmail())
                .when(new AcceptInvitationCommand(INVITATION_ID, ORGANIZATION_ID, USER_ID, MEMBER_ID))
                .expectException(refusedWith(IdentityErrorCode.INVITATION_CLOSED))
                .expectNoEvents();
    }

    @Test
    void aDeclinedOrRevokedInvitationCannotBeAccepted() {
        fixture.given(aliceInvitedByEmail())
                .when(new DeclineInvitationCommand(INVITATION_ID, ORGANIZATION_ID, USER_ID))
                .expectEvents(new InvitationDeclinedEvent(INVITATION_ID, ORGANIZATION_ID, USER_ID));
        fixture.given(aliceInvitedByEmail(), new InvitationDeclinedEvent(INVITATION_ID, ORGANIZATION_ID, USER_ID))
                .when(new AcceptInvitationCommand(INVITATION_ID, ORGANIZATION_ID, USER_ID, MEMBER_ID))
                .expectException(refusedWith(IdentityErrorCode.INVITATION_CLOSED))
                .expectNoEvents();
        fixture.given(aliceInvitedByEmail())
                .when(new RevokeInvitationCommand(INVITATION_ID, ORGANIZATION_ID))
                .expectEvents(new InvitationRevokedEvent(INVITATION_ID, ORGANIZATION_ID));
        fixture.given(aliceInvitedByEmail(), new InvitationRevokedEvent(INVITATION_ID, ORGANIZATION_ID))
                .when(new AcceptInvitationCommand(INVITATION_ID, ORGANIZATION_ID, USER_ID, MEMBER_ID))
                .expectException(refusedWith(IdentityErrorCode.INVITATION_CLOSED))
                .expectNoEvents();
    }
}
