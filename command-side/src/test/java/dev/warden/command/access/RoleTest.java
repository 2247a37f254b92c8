package dev.warden.command.access;

import dev.warden.events.shared.SecurityErrorCode;
import static dev.warden.command.access.AccessTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.OTHER_ROLE_ID;
import static dev.warden.command.access.AccessTestData.ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.ROLE_DESCRIPTION;
import static dev.warden.command.access.AccessTestData.ROLE_ID;
import static dev.warden.command.access.AccessTestData.ROLE_NAME;
import static dev.warden.command.access.AccessTestData.SYSTEM_ROLE_ID;
import static dev.warden.command.access.AccessTestData.USER_ID;
import static dev.warden.command.access.AccessTestData.aliceJoined;
import static dev.warden.command.access.AccessTestData.customRoleCreated;
import static dev.warden.command.access.AccessTestData.organizationCreated;
import static dev.warden.command.access.AccessTestData.roleNameScope;
import static dev.warden.command.access.AccessTestData.systemRoleCreated;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.identity.Organization;
import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.Grants;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.RecordingAggregateLocks;
import dev.warden.command.support.RecordingDueCommands;
import dev.warden.command.support.RequestContext;
import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.AssignRoleCommand;
import dev.warden.events.access.CreateRoleCommand;
import dev.warden.events.access.DefineSystemRoleCommand;
import dev.warden.events.access.DeleteRoleCommand;
import dev.warden.events.access.GrantPermissionCommand;
import dev.warden.events.access.PermissionGrantedEvent;
import dev.warden.events.access.PermissionRevokedEvent;
import dev.warden.events.access.Permissions;
import dev.warden.events.access.RenameRoleCommand;
import dev.warden.events.access.RevokePermissionCommand;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.access.RoleDeletedEvent;
import dev.warden.events.access.RoleRenamedEvent;
import dev.warden.events.access.RoleUnassignedEvent;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.IdKind;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

    private AggregateTestFixture<Role> fixture;
    private InMemoryUniqueNames names;
    private RecordingAggregateLocks locks;
    private EventSourcedAggregates<Organization> organizations;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Role.class);
        names = new InMemoryUniqueNames();
        locks = new RecordingAggregateLocks();
        organizations = new EventSourcedAggregates<>(Organization.class);
        organizations.given(ORGANIZATION_ID, organizationCreated(ORGANIZATION_ID), aliceJoined());
        organizations.given(OTHER_ORGANIZATION_ID, organizationCreated(OTHER_ORGANIZATION_ID));
        fixture.registerInjectableResource(new Grants());
        AccessTestData.accessCommandHandlers(fixture.getRepository(), organizations.repository(), names, locks,
                        new EventSourcedAggregates<>(AccessRequest.class).repository(), Clock.systemUTC())
                .forEach(fixture::registerAnnotatedCommandHandler);
    }

    /** Runs {@code action} as a user holding exactly {@code permissions} in the sample organization. */
    private static void actingWith(Set<String> permissions, Runnable action) {
        try (RequestContext.Scope ignored = RequestContext.open(new RequestContext(USER_ID, "user", ORGANIZATION_ID,
                "req-1", "req-1", null, permissions))) {
            action.run();
        }
    }

    /** The sample custom role as the handler created it, name claim included. */
    private void givenCustomRole(Object... laterEvents) {
        names.claim(roleNameScope(ORGANIZATION_ID), "deployers", ROLE_ID);
        fixture.given(customRoleCreated()).andGiven(laterEvents);
    }

    private Set<String> keysHeldBy(String owner, String... candidateKeys) {
        return Stream.of(candidateKeys)
                .filter(key -> names.ownerOf(roleNameScope(ORGANIZATION_ID), key).filter(owner::equals).isPresent())
                .collect(Collectors.toSet());
    }

    @Nested
    class Creating {

        @Test
        void createsRoleWithKnownPermissionsSortedAndNameStripped() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, "  Deployers ", " Runs deployments ",
                            Set.of("workspaces:write", "projects:read")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new RoleCreatedEvent(ROLE_ID, ORGANIZATION_ID, "Deployers", "Runs deployments",
                            false, List.of("projects:read", "workspaces:write")));

            assertThat(names.ownerOf(roleNameScope(ORGANIZATION_ID), "deployers")).contains(ROLE_ID);
        }

        @Test
        void createsRoleWithoutPermissionsOrDescription() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, ROLE_NAME, null, null))
                    .expectEvents(new RoleCreatedEvent(ROLE_ID, ORGANIZATION_ID, ROLE_NAME, "", false, List.of()));
        }

        @Test
        void rejectsUnknownPermission() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, ROLE_NAME, ROLE_DESCRIPTION,
                            Set.of("projects:read", "projects:destroy")))
                    .expectException(refusedWith(AccessErrorCode.UNKNOWN_PERMISSION))
                    .expectExceptionMessage("Not in the permission catalogue: projects:destroy")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Admin", "viewer", " MANAGER ", "Editor"})
        void rejectsNameOfDefaultRole(String name) {
            fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, name, ROLE_DESCRIPTION, Set.of()))
                    .expectException(refusedWith(AccessErrorCode.ROLE_NAME_TAKEN))
                    .expectNoEvents();
        }

        @Test
        void rejectsNameTakenInOrganizationIgnoringCase() {
            names.claim(roleNameScope(ORGANIZATION_ID), "deployers", OTHER_ROLE_ID);

            fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, " DEPLOYERS", ROLE_DESCRIPTION, Set.of()))
                    .expectException(refusedWith(AccessErrorCode.ROLE_NAME_TAKEN))
                    .expectNoEvents();

            assertThat(names.ownerOf(roleNameScope(ORGANIZATION_ID), "deployers")).contains(OTHER_ROLE_ID);
        }

        @Test
        void allowsNameTakenInAnotherOrganization() {
            names.claim(roleNameScope(OTHER_ORGANIZATION_ID), "deployers", OTHER_ROLE_ID);

            fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, ROLE_NAME, ROLE_DESCRIPTION, Set.of()))
                    .expectEvents(new RoleCreatedEvent(ROLE_ID, ORGANIZATION_ID, ROLE_NAME, ROLE_DESCRIPTION, false,
                            List.of()));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "line\nbreak", "tab\tinside",
                "a name that is far too long for a role because it has sixty-five!"})
        void rejectsInvalidName(String name) {
            fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, name, ROLE_DESCRIPTION, Set.of()))
                    .expectException(refusedWith(AccessErrorCode.INVALID_ROLE_NAME))
                    .expectNoEvents();
        }

        @Test
        void acceptsNameOfSixtyFourCharacters() {
            String name = "r".repeat(RoleRules.MAX_NAME_LENGTH);

            fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, name, "", Set.of()))
                    .expectEvents(new RoleCreatedEvent(ROLE_ID, ORGANIZATION_ID, name, "", false, List.of()));
        }

        @Test
        void rejectsOverlongDescription() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, ROLE_NAME,
                            "d".repeat(RoleRules.MAX_DESCRIPTION_LENGTH + 1), Set.of()))
                    .expectException(refusedWith(AccessErrorCode.INVALID_ROLE_DESCRIPTION))
                    .expectNoEvents();
        }

        @Test
        void rejectsRoleWithPermissionsTheCreatorDoesNotHold() {
            actingWith(Set.of("roles:write", "projects:read"), () -> fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, ROLE_NAME, ROLE_DESCRIPTION,
                            Set.of("projects:read", "workspaces:write")))
                    .expectException(refusedWith(SecurityErrorCode.ESCALATION))
                    .expectExceptionMessage("You cannot give away permissions you do not hold: workspaces:write")
                    .expectNoEvents());

            assertThat(names.ownerOf(roleNameScope(ORGANIZATION_ID), "deployers")).isEmpty();
        }

        @Test
        void createsRoleWithPermissionsTheCreatorHolds() {
            actingWith(Set.of("roles:write", "projects:read", "workspaces:write"), () -> fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, ORGANIZATION_ID, ROLE_NAME, ROLE_DESCRIPTION,
                            Set.of("projects:read", "workspaces:write")))
                    .expectEvents(customRoleCreated()));
        }

        @Test
        void rejectsRoleInUnknownOrganization() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRoleCommand(ROLE_ID, AccessTestData.id(IdKind.ORGANIZATION, "nowhere"), ROLE_NAME,
                            ROLE_DESCRIPTION, Set.of()))
                    .expectException(refusedWith(IdKind.ORGANIZATION.notFoundCode()))
                    .expectNoEvents();
        }
    }

    @Nested
    class GrantingAndRevoking {

        @Test
        void grantsNewPermission() {
            givenCustomRole();

            fixture.when(new GrantPermissionCommand(ROLE_ID, ORGANIZATION_ID, "projects:write"))
                    .expectEvents(new PermissionGrantedEvent(ROLE_ID, ORGANIZATION_ID, "projects:write"));
        }

        @Test
        void grantingHeldPermissionStoresNothing() {
            givenCustomRole();

            fixture.when(new GrantPermissionCommand(ROLE_ID, ORGANIZATION_ID, "workspaces:write"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void grantingPermissionGrantedLaterStoresNothing() {
            givenCustomRole(new PermissionGrantedEvent(ROLE_ID, ORGANIZATION_ID, "audit:read"));

            fixture.when(new GrantPermissionCommand(ROLE_ID, ORGANIZATION_ID, "audit:read"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsGrantOfPermissionTheActorDoesNotHold() {
            givenCustomRole();

            actingWith(Set.of("roles:write", "projects:read"), () -> fixture
                    .when(new GrantPermissionCommand(ROLE_ID, ORGANIZATION_ID, "audit:read"))
                    .expectException(refusedWith(SecurityErrorCode.ESCALATION))
                    .expectNoEvents());
        }

        @Test
        void grantsPermissionTheActorHolds() {
            givenCustomRole();

            actingWith(Set.of("roles:write", "audit:read"), () -> fixture
                    .when(new GrantPermissionCommand(ROLE_ID, ORGANIZATION_ID, "audit:read"))
                    .expectEvents(new PermissionGrantedEvent(ROLE_ID, ORGANIZATION_ID, "audit:read")));
        }

        @Test
        void revokesPermissionTheActorDoesNotHold() {
            givenCustomRole();

            actingWith(Set.of("roles:write"), () -> fixture
                    .when(new RevokePermissionCommand(ROLE_ID, ORGANIZATION_ID, "workspaces:write"))
                    .expectEvents(new PermissionRevokedEvent(ROLE_ID, ORGANIZATION_ID, "workspaces:write")));
        }

        @Test
        void rejectsGrantOfUnknownPermission() {
            givenCustomRole();

            fixture.when(new GrantPermissionCommand(ROLE_ID, ORGANIZATION_ID, "projects:destroy"))
                    .expectException(refusedWith(AccessErrorCode.UNKNOWN_PERMISSION))
                    .expectNoEvents();
        }

        @Test
        void revokesHeldPermission() {
            givenCustomRole();

            fixture.when(new RevokePermissionCommand(ROLE_ID, ORGANIZATION_ID, "projects:read"))
                    .expectEvents(new PermissionRevokedEvent(ROLE_ID, ORGANIZATION_ID, "projects:read"));
        }

        @Test
        void revokingAbsentPermissionStoresNothing() {
            givenCustomRole(new PermissionRevokedEvent(ROLE_ID, ORGANIZATION_ID, "projects:read"));

            fixture.when(new RevokePermissionCommand(ROLE_ID, ORGANIZATION_ID, "projects:read"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsGrantOnSystemRole() {
            fixture.given(systemRoleCreated())
                    .when(new GrantPermissionCommand(SYSTEM_ROLE_ID, ORGANIZATION_ID, "projects:write"))
                    .expectException(refusedWith(AccessErrorCode.SYSTEM_ROLE_IMMUTABLE))
                    .expectNoEvents();
        }

        @Test
        void rejectsRevokeOnSystemRole() {
            fixture.given(systemRoleCreated())
                    .when(new RevokePermissionCommand(SYSTEM_ROLE_ID, ORGANIZATION_ID, "projects:read"))
                    .expectException(refusedWith(AccessErrorCode.SYSTEM_ROLE_IMMUTABLE))
                    .expectNoEvents();
        }
    }

    @Nested
    class Renaming {

        @Test
        void renamesRoleAndMovesNameClaim() {
            givenCustomRole();

            fixture.when(new RenameRoleCommand(ROLE_ID, ORGANIZATION_ID, " Release managers ", null))
                    .expectEvents(new RoleRenamedEvent(ROLE_ID, ORGANIZATION_ID, "Release managers", ROLE_NAME));

            assertThat(keysHeldBy(ROLE_ID, "deployers", "release managers")).containsExactly("release managers");
        }

        @ParameterizedTest
        @ValueSource(strings = {ROLE_NAME, " Deployers  "})
        void renamingToCurrentNameStoresNothing(String name) {
            givenCustomRole();

            fixture.when(new RenameRoleCommand(ROLE_ID, ORGANIZATION_ID, name, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();

            assertThat(keysHeldBy(ROLE_ID, "deployers")).containsExactly("deployers");
        }

        @Test
        void renamingOnlyTheCaseKeepsNameClaim() {
            givenCustomRole();

            fixture.when(new RenameRoleCommand(ROLE_ID, ORGANIZATION_ID, "DEPLOYERS", null))
                    .expectEvents(new RoleRenamedEvent(ROLE_ID, ORGANIZATION_ID, "DEPLOYERS", ROLE_NAME));

            assertThat(keysHeldBy(ROLE_ID, "deployers")).containsExactly("deployers");
        }

        @Test
        void rejectsNameTakenByAnotherRole() {
            givenCustomRole();
            names.claim(roleNameScope(ORGANIZATION_ID), "auditors", OTHER_ROLE_ID);

            fixture.when(new RenameRoleCommand(ROLE_ID, ORGANIZATION_ID, "Auditors", null))
                    .expectException(refusedWith(AccessErrorCode.ROLE_NAME_TAKEN))
                    .expectNoEvents();

            assertThat(keysHeldBy(ROLE_ID, "deployers", "auditors")).containsExactly("deployers");
        }

        @ParameterizedTest
        @ValueSource(strings = {"admin", " Viewer "})
        void rejectsNameOfDefaultRole(String name) {
            givenCustomRole();

            fixture.when(new RenameRoleCommand(ROLE_ID, ORGANIZATION_ID, name, null))
                    .expectException(refusedWith(AccessErrorCode.ROLE_NAME_TAKEN))
                    .expectNoEvents();
        }

        @Test
        void rejectsInvalidName() {
            givenCustomRole();

            fixture.when(new RenameRoleCommand(ROLE_ID, ORGANIZATION_ID, "  ", null))
                    .expectException(refusedWith(AccessErrorCode.INVALID_ROLE_NAME))
                    .expectNoEvents();
        }

        @Test
        void rejectsRenameOfSystemRole() {
            fixture.given(systemRoleCreated())
                    .when(new RenameRoleCommand(SYSTEM_ROLE_ID, ORGANIZATION_ID, "Readers", null))
                    .expectException(refusedWith(AccessErrorCode.SYSTEM_ROLE_IMMUTABLE))
                    .expectNoEvents();
        }

        @Test
        void renamesWhenExpectedVersionIsCurrent() {
            givenCustomRole(new PermissionGrantedEvent(ROLE_ID, ORGANIZATION_ID, "audit:read"));

            fixture.when(new RenameRoleCommand(ROLE_ID, ORGANIZATION_ID, "Release managers", 1L))
                    .expectEvents(new RoleRenamedEvent(ROLE_ID, ORGANIZATION_ID, "Release managers", ROLE_NAME));
        }

        @Test
        void rejectsRenameBasedOnStaleVersion() {
            givenCustomRole(new PermissionGrantedEvent(ROLE_ID, ORGANIZATION_ID, "audit:read"));

            fixture.when(new RenameRoleCommand(ROLE_ID, ORGANIZATION_ID, "Release managers", 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Deleting {

        @Test
        void deletesUnassignedRoleAndFreesItsName() {
            givenCustomRole();

            fixture.when(new DeleteRoleCommand(ROLE_ID, ORGANIZATION_ID, null))
                    .expectEvents(new RoleDeletedEvent(ROLE_ID, ORGANIZATION_ID, ROLE_NAME));

            assertThat(names.ownerOf(roleNameScope(ORGANIZATION_ID), "deployers")).isEmpty();
            assertThat(locks.locked()).containsExactly(ROLE_ID);
        }

        @Test
        void rejectsDeletionOfRoleStillAssigned() {
            organizations.given(ORGANIZATION_ID, new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID));
            givenCustomRole();

            fixture.when(new DeleteRoleCommand(ROLE_ID, ORGANIZATION_ID, null))
                    .expectException(refusedWith(AccessErrorCode.ROLE_IN_USE))
                    .expectNoEvents();

            assertThat(names.ownerOf(roleNameScope(ORGANIZATION_ID), "deployers")).contains(ROLE_ID);
        }

        @Test
        void deletesRoleOnceNobodyHoldsItAnyMore() {
            organizations.given(ORGANIZATION_ID, new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID),
                    new RoleUnassignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID));
            givenCustomRole();

            fixture.when(new DeleteRoleCommand(ROLE_ID, ORGANIZATION_ID, null))
                    .expectEvents(new RoleDeletedEvent(ROLE_ID, ORGANIZATION_ID, ROLE_NAME));
        }

        @Test
        void rejectsDeletionOfSystemRole() {
            fixture.given(systemRoleCreated())
                    .when(new DeleteRoleCommand(SYSTEM_ROLE_ID, ORGANIZATION_ID, null))
                    .expectException(refusedWith(AccessErrorCode.SYSTEM_ROLE_IMMUTABLE))
                    .expectNoEvents();
        }

        @Test
        void freedNameCanBeTakenByNewRole() {
            givenCustomRole();
            fixture.when(new DeleteRoleCommand(ROLE_ID, ORGANIZATION_ID, null))
                    .expectEvents(new RoleDeletedEvent(ROLE_ID, ORGANIZATION_ID, ROLE_NAME));

            assertThat(names.claim(roleNameScope(ORGANIZATION_ID), "deployers", OTHER_ROLE_ID)).isTrue();
        }
    }

    @Nested
    class OutOfReach {

        static Stream<Object> commandsOnTheRole() {
            return Stream.of(
                    new GrantPermissionCommand(ROLE_ID, ORGANIZATION_ID, "projects:write"),
                    new RevokePermissionCommand(ROLE_ID, ORGANIZATION_ID, "projects:read"),
                    new RenameRoleCommand(ROLE_ID, ORGANIZATION_ID, "Release managers", null),
                    new DeleteRoleCommand(ROLE_ID, ORGANIZATION_ID, null),
                    new AssignRoleCommand(ORGANIZATION_ID, USER_ID, ROLE_ID));
        }

        static Stream<Object> commandsFromAnotherOrganization() {
            return Stream.of(
                    new GrantPermissionCommand(ROLE_ID, OTHER_ORGANIZATION_ID, "projects:write"),
                    new RevokePermissionCommand(ROLE_ID, OTHER_ORGANIZATION_ID, "projects:read"),
                    new RenameRoleCommand(ROLE_ID, OTHER_ORGANIZATION_ID, "Release managers", null),
                    new DeleteRoleCommand(ROLE_ID, OTHER_ORGANIZATION_ID, null),
                    new AssignRoleCommand(OTHER_ORGANIZATION_ID, USER_ID, ROLE_ID));
        }

        @ParameterizedTest
        @MethodSource("commandsOnTheRole")
        void answersEveryCommandOnDeletedRoleAsNotFound(Object command) {
            givenCustomRole(new RoleDeletedEvent(ROLE_ID, ORGANIZATION_ID, ROLE_NAME));

            fixture.when(command)
                    .expectException(refusedWith(IdKind.ROLE.notFoundCode()))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("commandsFromAnotherOrganization")
        void answersCommandFromAnotherOrganizationAsNotFound(Object command) {
            givenCustomRole();

            fixture.when(command)
                    .expectException(refusedWith(IdKind.ROLE.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void answersCommandOnRoleThatNeverExistedAsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new RenameRoleCommand(ROLE_ID, ORGANIZATION_ID, "Release managers", null))
                    .expectException(refusedWith(IdKind.ROLE.notFoundCode()))
                    .expectNoEvents();
        }
    }

    @Nested
    class DefiningSystemRoles {

        @Test
        void createsSystemRoleWhenMissing() {
            fixture.givenNoPriorActivity()
                    .when(new DefineSystemRoleCommand(SYSTEM_ROLE_ID, "Viewer", "Reads",
                            Set.of("tickets:read", "projects:read")))
                    .expectEvents(systemRoleCreated());

            assertThat(names.ownerOf(RoleRules.SYSTEM_ROLE_SCOPE, "viewer")).contains(SYSTEM_ROLE_ID);
        }

        @Test
        void grantsAndRevokesWhatDiffersFromDefinition() {
            fixture.given(systemRoleCreated())
                    .when(new DefineSystemRoleCommand(SYSTEM_ROLE_ID, "Viewer", "Reads",
                            Set.of("projects:read", "workspaces:read", "drift:read")))
                    .expectEvents(
                            new PermissionGrantedEvent(SYSTEM_ROLE_ID, null, "drift:read"),
                            new PermissionGrantedEvent(SYSTEM_ROLE_ID, null, "workspaces:read"),
                            new PermissionRevokedEvent(SYSTEM_ROLE_ID, null, "tickets:read"));
        }

        @Test
        void identicalDefinitionStoresNothing() {
            names.claim(RoleRules.SYSTEM_ROLE_SCOPE, "viewer", SYSTEM_ROLE_ID);

            fixture.given(systemRoleCreated())
                    .when(new DefineSystemRoleCommand(SYSTEM_ROLE_ID, "Viewer", "Reads",
                            Set.of("projects:read", "tickets:read")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsNameHeldByAnotherSystemRole() {
            names.claim(RoleRules.SYSTEM_ROLE_SCOPE, "viewer", OTHER_ROLE_ID);

            fixture.givenNoPriorActivity()
                    .when(new DefineSystemRoleCommand(SYSTEM_ROLE_ID, "Viewer", "Reads", Set.of("projects:read")))
                    .expectException(refusedWith(AccessErrorCode.ROLE_NAME_TAKEN))
                    .expectNoEvents();
        }

        @Test
        void rejectsUnknownPermissionInDefinition() {
            fixture.given(systemRoleCreated())
                    .when(new DefineSystemRoleCommand(SYSTEM_ROLE_ID, "Viewer", "Reads",
                            Set.of("projects:read", "projects:destroy")))
                    .expectException(refusedWith(AccessErrorCode.UNKNOWN_PERMISSION))
                    .expectNoEvents();
        }

        static Stream<Permissions.DefaultRole> defaultRoles() {
            return Permissions.DEFAULT_ROLES.stream();
        }

        @ParameterizedTest
        @MethodSource("defaultRoles")
        void definesEveryDefaultRole(Permissions.DefaultRole role) {
            fixture.givenNoPriorActivity()
                    .when(new DefineSystemRoleCommand(SYSTEM_ROLE_ID, role.name(), role.description(),
                            role.permissions()))
                    .expectEvents(new RoleCreatedEvent(SYSTEM_ROLE_ID, null, role.name(), role.description(), true,
                            List.copyOf(new TreeSet<>(role.permissions()))));
        }
    }
}
