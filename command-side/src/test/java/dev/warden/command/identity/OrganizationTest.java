package dev.warden.command.identity;

import dev.warden.events.shared.SecurityErrorCode;
import static dev.warden.command.access.AccessTestData.ADMIN_ROLE_ID;
import static dev.warden.command.access.AccessTestData.ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.OTHER_ROLE_ID;
import static dev.warden.command.access.AccessTestData.ROLE_ID;
import static dev.warden.command.access.AccessTestData.ROLE_NAME;
import static dev.warden.command.access.AccessTestData.SYSTEM_ROLE_ID;
import static dev.warden.command.access.AccessTestData.adminRoleCreated;
import static dev.warden.command.access.AccessTestData.aliceIsAdmin;
import static dev.warden.command.access.AccessTestData.aliceJoined;
import static dev.warden.command.access.AccessTestData.customRoleCreated;
import static dev.warden.command.access.AccessTestData.organizationCreated;
import static dev.warden.command.access.AccessTestData.otherOrganizationsRoleCreated;
import static dev.warden.command.access.AccessTestData.systemRoleCreated;
import static dev.warden.command.identity.IdentityTestData.MEMBER_ID;
import static dev.warden.command.identity.IdentityTestData.OTHER_MEMBER_ID;
import static dev.warden.command.identity.IdentityTestData.OTHER_USER_ID;
import static dev.warden.command.identity.IdentityTestData.USER_ID;
import static dev.warden.command.identity.IdentityTestData.aliceRegistered;
import static dev.warden.command.identity.IdentityTestData.bobRegistered;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.access.AccessRequest;
import dev.warden.command.access.AccessTestData;
import dev.warden.command.access.Role;
import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.Grants;
import dev.warden.command.support.MutableClock;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.RecordingAggregateLocks;
import dev.warden.command.support.RequestContext;
import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.AssignRoleCommand;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleDeletedEvent;
import dev.warden.events.access.RoleUnassignedEvent;
import dev.warden.events.access.UnassignRoleCommand;
import dev.warden.events.identity.ChangeMemberRoleCommand;
import dev.warden.events.identity.CreateOrganizationCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.MemberRemovedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.OrganizationRenamedEvent;
import dev.warden.events.identity.RemoveMemberCommand;
import dev.warden.events.identity.RenameOrganizationCommand;
import dev.warden.events.shared.IdKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationTest {

    private AggregateTestFixture<Organization> fixture;
    private EventSourcedAggregates<User> users;
    private EventSourcedAggregates<Role> roles;
    private RecordingAggregateLocks locks;
    private EventSourcedAggregates<Invitation> invitations;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organization.class);
        users = new EventSourcedAggregates<>(User.class);
        roles = new EventSourcedAggregates<>(Role.class);
        locks = new RecordingAggregateLocks();
        invitations = new EventSourcedAggregates<>(Invitation.class);
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        InMemoryUniqueNames names = new InMemoryUniqueNames();
        // As the seeder leaves it: the system roles hold their names in the system scope.
        AccessTestData.claimSystemRoleNames(names);
        users.given(USER_ID, aliceRegistered()).given(OTHER_USER_ID, bobRegistered());
        roles.given(ROLE_ID, customRoleCreated())
                .given(SYSTEM_ROLE_ID, systemRoleCreated())
                .given(ADMIN_ROLE_ID, adminRoleCreated())
                .given(OTHER_ROLE_ID, otherOrganizationsRoleCreated());
        IdentityTestData.identityCommandHandlers(users.repository(),
                fixture.getRepository(), new EventSourcedAggregates<>(Session.class).repository(),
                new EventSourcedAggregates<>(ApiKey.class).repository(), names, new InMemoryCredentials(), locks,
                Clock.systemUTC())
                .forEach(fixture::registerAnnotatedCommandHandler);
        fixture.registerAnnotatedCommandHandler(new MembershipCommandHandler(fixture.getRepository(),
                invitations.repository(), users.repository(),
                AccessTestData.roleDirectory(names, roles.repository()), new Grants(), clock, names,
                new TestPersonalData()));
        AccessTestData.accessCommandHandlers(roles.repository(),
                fixture.getRepository(), names, locks, new EventSourcedAggregates<>(AccessRequest.class).repository(),
                Clock.systemUTC())
                .forEach(fixture::registerAnnotatedCommandHandler);
    }

    /** Runs {@code action} as a user holding exactly {@code permissions} in the sample organization. */
    private static void actingWith(Set<String> permissions, Runnable action) {
        try (RequestContext.Scope ignored = RequestContext.open(new RequestContext(USER_ID, "user", ORGANIZATION_ID,
                "req-1", "req-1", null, permissions))) {
            action.run();
        }
    }

    private static MemberAddedEvent bobJoined() {
        return new MemberAddedEvent(ORGANIZATION_ID, OTHER_MEMBER_ID, OTHER_USER_ID);
    }

    private static RoleAssignedEvent bobIsAdmin() {
        return new RoleAssignedEvent(ORGANIZATION_ID, OTHER_USER_ID, ADMIN_ROLE_ID);
    }

    @Nested
    class Creating {

        @Test
        void createsOrganizationWithStrippedName() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrganizationCommand(ORGANIZATION_ID, "  Acme Corp ", null, null))
                    .expectEvents(new OrganizationCreatedEvent(ORGANIZATION_ID, "Acme Corp"));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "    ", "Acme\u0000", "Acme\nCorp",
                "An organization name that goes on and on and on and on, "
                        + "well past the one hundred characters allowed."})
        void rejectsInvalidName(String name) {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrganizationCommand(ORGANIZATION_ID, name, USER_ID, MEMBER_ID))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_NAME))
                    .expectNoEvents();
        }

        @Test
        void creatorJoinsAsAdmin() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrganizationCommand(ORGANIZATION_ID, "Acme", USER_ID, MEMBER_ID))
                    .expectEvents(new OrganizationCreatedEvent(ORGANIZATION_ID, "Acme"),
                            new MemberAddedEvent(ORGANIZATION_ID, MEMBER_ID, USER_ID),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ADMIN_ROLE_ID));
        }

        @Test
        void creatorIsTheLastAdminFromTheStart() {
            fixture.givenCommands(new CreateOrganizationCommand(ORGANIZATION_ID, "Acme", USER_ID, MEMBER_ID))
                    .when(new RemoveMemberCommand(ORGANIZATION_ID, USER_ID))
                    .expectException(refusedWith(IdentityErrorCode.LAST_ADMIN))
                    .expectNoEvents();
        }

        @Test
        void acceptsNameOfHundredCharacters() {
            String name = "o".repeat(Organization.MAX_NAME_LENGTH);

            fixture.givenNoPriorActivity()
                    .when(new CreateOrganizationCommand(ORGANIZATION_ID, name, null, null))
                    .expectEvents(new OrganizationCreatedEvent(ORGANIZATION_ID, name));
        }
    }

    @Nested
    class AssigningRoles {

        @Test
        void assignsCustomRoleToMemberUnderLockOfRole() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(new AssignRoleCommand(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .expectEvents(new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID));

            assertThat(locks.locked()).containsExactly(ROLE_ID);
        }

        @Test
        void assignsSystemRoleToMemberWithoutLockingIt() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(new AssignRoleCommand(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID))
                    .expectEvents(new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID));

            assertThat(locks.locked()).as("system roles cannot be deleted, so assignments need no lock").isEmpty();
        }

        @Test
        void assigningHeldRoleStoresNothing() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .when(new AssignRoleCommand(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsAssigningRoleToNonMember() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(new AssignRoleCommand(ORGANIZATION_ID, OTHER_USER_ID, ROLE_ID))
                    .expectException(refusedWith(AccessErrorCode.NOT_A_MEMBER))
                    .expectNoEvents();
        }

        @Test
        void rejectsRoleOfAnotherOrganizationAsNotFound() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(new AssignRoleCommand(ORGANIZATION_ID, USER_ID, OTHER_ROLE_ID))
                    .expectException(refusedWith(IdKind.ROLE.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void rejectsDeletedRoleAsNotFound() {
            roles.given(ROLE_ID, new RoleDeletedEvent(ROLE_ID, ORGANIZATION_ID, ROLE_NAME));

            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(new AssignRoleCommand(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .expectException(refusedWith(IdKind.ROLE.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void rejectsUnknownRoleAsNotFound() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(new AssignRoleCommand(ORGANIZATION_ID, USER_ID, AccessTestData.id(IdKind.ROLE, "ghost")))
                    .expectException(refusedWith(IdKind.ROLE.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void unassignsHeldRole() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .when(new UnassignRoleCommand(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .expectEvents(new RoleUnassignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID));
        }

        @Test
        void unassigningRoleNotHeldStoresNothing() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID),
                            new RoleUnassignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .when(new UnassignRoleCommand(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsUnassigningFromNonMember() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(new UnassignRoleCommand(ORGANIZATION_ID, OTHER_USER_ID, ROLE_ID))
                    .expectException(refusedWith(AccessErrorCode.NOT_A_MEMBER))
                    .expectNoEvents();
        }

        @Test
        void keepsOtherRolesWhenOneIsUnassigned() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID),
                            new RoleUnassignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .when(new AssignRoleCommand(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class AssigningWithoutEscalation {

        @Test
        void rejectsAssigningRoleWithPermissionsTheActorDoesNotHold() {
            actingWith(Set.of("roles:write", "projects:read"), () -> fixture
                    .given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(new AssignRoleCommand(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .expectException(refusedWith(SecurityErrorCode.ESCALATION))
                    .expectNoEvents());
        }

        @Test
        void assignsRoleWhoseEveryPermissionTheActorHolds() {
            actingWith(Set.of("roles:write", "projects:read", "workspaces:write"), () -> fixture
                    .given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(new AssignRoleCommand(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .expectEvents(new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID)));
        }

        @Test
        void rejectsMakingSomebodyAdminWithoutHoldingWhatAdminGrants() {
            actingWith(Set.of("members:write", "roles:write", "projects:read"), () -> fixture
                    .given(organizationCreated(ORGANIZATION_ID), aliceJoined(), bobJoined())
                    .when(new ChangeMemberRoleCommand(ORGANIZATION_ID, OTHER_USER_ID, ADMIN_ROLE_ID))
                    .expectException(refusedWith(SecurityErrorCode.ESCALATION))
                    .expectNoEvents());
        }

        @Test
        void unassignsRoleWhatsoeverTheActorHolds() {
            actingWith(Set.of("roles:write"), () -> fixture
                    .given(organizationCreated(ORGANIZATION_ID), aliceJoined(),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .when(new UnassignRoleCommand(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .expectEvents(new RoleUnassignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID)));
        }
    }

    @Nested
    class ChangingMemberRoles {

        @Test
        void replacesEveryHeldRoleWithTheNewOne() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(), aliceIsAdmin(), bobJoined(),
                            new RoleAssignedEvent(ORGANIZATION_ID, OTHER_USER_ID, SYSTEM_ROLE_ID))
                    .when(new ChangeMemberRoleCommand(ORGANIZATION_ID, OTHER_USER_ID, ROLE_ID))
                    .expectEvents(new RoleUnassignedEvent(ORGANIZATION_ID, OTHER_USER_ID, SYSTEM_ROLE_ID),
                            new RoleAssignedEvent(ORGANIZATION_ID, OTHER_USER_ID, ROLE_ID));

            assertThat(locks.locked()).containsExactly(ROLE_ID);
        }

        @Test
        void changingToTheOnlyRoleHeldStoresNothing() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID))
                    .when(new ChangeMemberRoleCommand(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void lastAdminKeepsAdminWhenOtherRolesGo() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(), aliceIsAdmin(),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .when(new ChangeMemberRoleCommand(ORGANIZATION_ID, USER_ID, ADMIN_ROLE_ID))
                    .expectEvents(new RoleUnassignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID));
        }

        @Test
        void rejectsRoleOfAnotherOrganizationAsNotFound() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(new ChangeMemberRoleCommand(ORGANIZATION_ID, USER_ID, OTHER_ROLE_ID))
                    .expectException(refusedWith(IdKind.ROLE.notFoundCode()))
                    .expectNoEvents();
        }

    }

    @Nested
    class LastAdmin {

        @Test
        void cannotBeRemoved() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(), aliceIsAdmin(), bobJoined())
                    .when(new RemoveMemberCommand(ORGANIZATION_ID, USER_ID))
                    .expectException(refusedWith(IdentityErrorCode.LAST_ADMIN))
                    .expectNoEvents();
        }

        @Test
        void cannotBeDemoted() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(), aliceIsAdmin(), bobJoined())
                    .when(new ChangeMemberRoleCommand(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID))
                    .expectException(refusedWith(IdentityErrorCode.LAST_ADMIN))
                    .expectNoEvents();
        }

        @Test
        void cannotLoseAdminByUnassignment() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(), aliceIsAdmin(), bobJoined())
                    .when(new UnassignRoleCommand(ORGANIZATION_ID, USER_ID, ADMIN_ROLE_ID))
                    .expectException(refusedWith(IdentityErrorCode.LAST_ADMIN))
                    .expectNoEvents();
        }

        @Test
        void canBeRemovedOnceThereIsASecondAdmin() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(), aliceIsAdmin(), bobJoined(),
                            bobIsAdmin())
                    .when(new RemoveMemberCommand(ORGANIZATION_ID, USER_ID))
                    .expectEvents(new MemberRemovedEvent(ORGANIZATION_ID, MEMBER_ID, USER_ID));
        }

        @Test
        void canBeDemotedOnceThereIsASecondAdmin() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(), aliceIsAdmin(), bobJoined(),
                            bobIsAdmin())
                    .when(new ChangeMemberRoleCommand(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID))
                    .expectEvents(new RoleUnassignedEvent(ORGANIZATION_ID, USER_ID, ADMIN_ROLE_ID),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID));
        }

        @Test
        void canLoseAdminByUnassignmentOnceThereIsASecondAdmin() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(), aliceIsAdmin(), bobJoined(),
                            bobIsAdmin())
                    .when(new UnassignRoleCommand(ORGANIZATION_ID, USER_ID, ADMIN_ROLE_ID))
                    .expectEvents(new RoleUnassignedEvent(ORGANIZATION_ID, USER_ID, ADMIN_ROLE_ID));
        }

        @Test
        void isProtectedAgainOnceTheSecondAdminIsGone() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(), aliceIsAdmin(), bobJoined(),
                            bobIsAdmin(), new MemberRemovedEvent(ORGANIZATION_ID, OTHER_MEMBER_ID, OTHER_USER_ID))
                    .when(new RemoveMemberCommand(ORGANIZATION_ID, USER_ID))
                    .expectException(refusedWith(IdentityErrorCode.LAST_ADMIN))
                    .expectNoEvents();
        }

        @Test
        void doesNotProtectMembersWhoAreNotAdmin() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(), aliceIsAdmin(), bobJoined(),
                            new RoleAssignedEvent(ORGANIZATION_ID, OTHER_USER_ID, SYSTEM_ROLE_ID))
                    .when(new RemoveMemberCommand(ORGANIZATION_ID, OTHER_USER_ID))
                    .expectEvents(new MemberRemovedEvent(ORGANIZATION_ID, OTHER_MEMBER_ID, OTHER_USER_ID));
        }
    }

    @Nested
    class RemovingMembers {

        @Test
        void removesMemberWithTheirMemberId() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .when(new RemoveMemberCommand(ORGANIZATION_ID, USER_ID))
                    .expectEvents(new MemberRemovedEvent(ORGANIZATION_ID, MEMBER_ID, USER_ID));
        }

        @Test
        void removedMemberHoldsNoRoleAnyMore() {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined(),
                            new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID),
                            new MemberRemovedEvent(ORGANIZATION_ID, MEMBER_ID, USER_ID))
                    .when(new AssignRoleCommand(ORGANIZATION_ID, USER_ID, ROLE_ID))
                    .expectException(refusedWith(AccessErrorCode.NOT_A_MEMBER))
                    .expectNoEvents();
        }

        static Stream<Object> commandsOnBobWhoIsNoMemberHere() {
            return Stream.of(new RemoveMemberCommand(ORGANIZATION_ID, OTHER_USER_ID),
                    new ChangeMemberRoleCommand(ORGANIZATION_ID, OTHER_USER_ID, SYSTEM_ROLE_ID));
        }

        @ParameterizedTest
        @MethodSource("commandsOnBobWhoIsNoMemberHere")
        void answersNonMemberAsMissingMember(Object command) {
            fixture.given(organizationCreated(ORGANIZATION_ID), aliceJoined())
                    .when(command)
                    .expectException(refusedWith(IdKind.MEMBER.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void rejectsUnknownOrganization() {
            fixture.givenNoPriorActivity()
                    .when(new RemoveMemberCommand(ORGANIZATION_ID, USER_ID))
                    .expectException(refusedWith(IdKind.ORGANIZATION.notFoundCode()))
                    .expectNoEvents();
        }
    }

    @Nested
    class Renaming {

        @Test
        void renamesWithStrippedName() {
            fixture.given(organizationCreated(ORGANIZATION_ID))
                    .when(new RenameOrganizationCommand(ORGANIZATION_ID, " Acme Industries "))
                    .expectEvents(new OrganizationRenamedEvent(ORGANIZATION_ID, "Acme Industries"));
        }

        @Test
        void renamingToTheCurrentNameStoresNothing() {
            fixture.given(organizationCreated(ORGANIZATION_ID))
                    .when(new RenameOrganizationCommand(ORGANIZATION_ID, "Acme "))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  ", "Acme\tCorp"})
        void rejectsInvalidName(String name) {
            fixture.given(organizationCreated(ORGANIZATION_ID))
                    .when(new RenameOrganizationCommand(ORGANIZATION_ID, name))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_NAME))
                    .expectNoEvents();
        }
    }
}
