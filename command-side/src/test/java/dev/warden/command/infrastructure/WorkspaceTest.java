package dev.warden.command.infrastructure;

import static dev.warden.command.infrastructure.InfrastructureTestData.ALICE;
import static dev.warden.command.infrastructure.InfrastructureTestData.BOB;
import static dev.warden.command.infrastructure.InfrastructureTestData.CREDENTIAL_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.ORGANIZATION_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.OTHER_PROJECT_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.OTHER_WORKSPACE_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.PROJECT_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.PROJECT_NAME;
import static dev.warden.command.infrastructure.InfrastructureTestData.SETTINGS;
import static dev.warden.command.infrastructure.InfrastructureTestData.WORKSPACE_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.WORKSPACE_NAME;
import static dev.warden.command.infrastructure.InfrastructureTestData.projectCreated;
import static dev.warden.command.infrastructure.InfrastructureTestData.workspaceCreated;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.RecordingAggregateLocks;
import dev.warden.command.support.RequestContext;
import dev.warden.events.infrastructure.ArchiveWorkspaceCommand;
import dev.warden.events.infrastructure.ChangeWorkspaceSettingsCommand;
import dev.warden.events.infrastructure.CreateWorkspaceCommand;
import dev.warden.events.infrastructure.LockWorkspaceCommand;
import dev.warden.events.infrastructure.ProjectArchivedEvent;
import dev.warden.events.infrastructure.ProjectCreatedEvent;
import dev.warden.events.infrastructure.ProjectErrorCode;
import dev.warden.events.infrastructure.RemoveWorkspaceVariableCommand;
import dev.warden.events.infrastructure.SetWorkspaceVariableCommand;
import dev.warden.events.infrastructure.UnlockWorkspaceCommand;
import dev.warden.events.infrastructure.WorkspaceArchivedEvent;
import dev.warden.events.infrastructure.WorkspaceCreatedEvent;
import dev.warden.events.infrastructure.WorkspaceErrorCode;
import dev.warden.events.infrastructure.WorkspaceLockedEvent;
import dev.warden.events.infrastructure.WorkspaceSettings;
import dev.warden.events.infrastructure.WorkspaceSettingsChangedEvent;
import dev.warden.events.infrastructure.WorkspaceUnlockedEvent;
import dev.warden.events.infrastructure.WorkspaceVariableRemovedEvent;
import dev.warden.events.infrastructure.WorkspaceVariableSetEvent;
import dev.warden.events.shared.IdKind;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTest {

    private static final WorkspaceLockedEvent ALICE_LOCKED =
            new WorkspaceLockedEvent(WORKSPACE_ID, ORGANIZATION_ID, ALICE, "Migrating the VPC");

    private AggregateTestFixture<Workspace> fixture;
    private EventSourcedAggregates<Project> projects;
    private InMemoryUniqueNames names;
    private RecordingAggregateLocks locks;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workspace.class);
        projects = new EventSourcedAggregates<>(Project.class);
        projects.given(PROJECT_ID, projectCreated());
        projects.given(OTHER_PROJECT_ID, new ProjectCreatedEvent(OTHER_PROJECT_ID, OTHER_ORGANIZATION_ID, "Theirs", "",
                Map.of()));
        names = new InMemoryUniqueNames();
        locks = new RecordingAggregateLocks();
        InfrastructureTestData.handlers(projects.repository(), fixture.getRepository(), names, locks)
                .forEach(fixture::registerAnnotatedCommandHandler);
    }

    private ResultValidator<Workspace> when(Object command, Object... history) {
        names.claim(WorkspaceRules.NAMES.scope(PROJECT_ID), WORKSPACE_NAME, WORKSPACE_ID);
        return fixture.given(workspaceCreated()).andGiven(history).when(command);
    }

    private static CreateWorkspaceCommand create(String name, WorkspaceSettings settings) {
        return new CreateWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, name, settings);
    }

    private static WorkspaceSettings withRepository(String repository, String branch) {
        return new WorkspaceSettings("production", null, null, repository, branch, false);
    }

    /** Runs {@code action} as a caller holding exactly {@code permissions}. */
    private static void actingWith(Set<String> permissions, Runnable action) {
        try (RequestContext.Scope ignored = RequestContext.open(new RequestContext(BOB, "user", ORGANIZATION_ID,
                "req-1", "req-1", null, permissions))) {
            action.run();
        }
    }

    @Nested
    class Creating {

        @Test
        void createsWorkspaceInAnActiveProjectWithSettingsStripped() {
            WorkspaceSettings padded = new WorkspaceSettings(" production ", " 1.9.8 ", " stacks/network ",
                    " https://github.com/acme/infra ", " main ", false);

            fixture.givenNoPriorActivity()
                    .when(create(" network-prod ", padded))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(workspaceCreated());

            assertThat(names.ownerOf(WorkspaceRules.NAMES.scope(PROJECT_ID), "network-prod")).contains(WORKSPACE_ID);
            assertThat(locks.locked()).containsExactly(PROJECT_ID);
        }

        @Test
        void optionalSettingsMayBeLeftOut() {
            WorkspaceSettings minimal = new WorkspaceSettings("dev", "", null, null, " ", true);

            fixture.givenNoPriorActivity()
                    .when(create("dev", minimal))
                    .expectEvents(new WorkspaceCreatedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, "dev",
                            new WorkspaceSettings("dev", null, null, null, null, true)));
        }

        @Test
        void refusesNameTakenInTheProjectIgnoringCase() {
            names.claim(WorkspaceRules.NAMES.scope(PROJECT_ID), "network-prod", OTHER_WORKSPACE_ID);

            fixture.givenNoPriorActivity()
                    .when(create("Network-Prod", SETTINGS))
                    .expectException(refusedWith(WorkspaceErrorCode.WORKSPACE_NAME_TAKEN))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingProject() {
            fixture.givenNoPriorActivity()
                    .when(new CreateWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, IdKind.PROJECT.next(),
                            WORKSPACE_NAME, SETTINGS))
                    .expectException(refusedWith(IdKind.PROJECT.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectOfAnotherOrganizationAsMissing() {
            fixture.givenNoPriorActivity()
                    .when(new CreateWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, OTHER_PROJECT_ID, WORKSPACE_NAME,
                            SETTINGS))
                    .expectException(refusedWith(IdKind.PROJECT.notFoundCode()))
                    .expectNoEvents();
            assertThat(names.anyIn(WorkspaceRules.NAMES.scope(OTHER_PROJECT_ID))).isFalse();
        }

        @Test
        void refusesAnArchivedProject() {
            projects.given(PROJECT_ID, new ProjectArchivedEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME));

            fixture.givenNoPriorActivity()
                    .when(create(WORKSPACE_NAME, SETTINGS))
                    .expectException(refusedWith(ProjectErrorCode.PROJECT_ARCHIVED))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "-leading-dash", "with space", "dots.not.allowed", "ünicode"})
        void refusesMalformedName(String name) {
            fixture.givenNoPriorActivity()
                    .when(create(name, SETTINGS))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_WORKSPACE_NAME))
                    .expectNoEvents();
        }

        @Test
        void refusesMissingSettingsOrEnvironment() {
            fixture.givenNoPriorActivity().when(create(WORKSPACE_NAME, null))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_WORKSPACE_SETTING));
            fixture.givenNoPriorActivity()
                    .when(create(WORKSPACE_NAME, new WorkspaceSettings(" ", null, null, null, null, false)))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_WORKSPACE_SETTING));
        }

        @ParameterizedTest
        @ValueSource(strings = {"latest", "1.9", "v1.9.8", "1.9.8 beta"})
        void refusesMalformedTerraformVersion(String version) {
            fixture.givenNoPriorActivity()
                    .when(create(WORKSPACE_NAME, new WorkspaceSettings("dev", version, null, null, null, false)))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_WORKSPACE_SETTING));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/etc", "../outside", "stacks/../../etc", "with space"})
        void refusesWorkingDirectoryOutsideTheRepository(String directory) {
            fixture.givenNoPriorActivity()
                    .when(create(WORKSPACE_NAME, new WorkspaceSettings("dev", null, directory, null, null, false)))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_WORKSPACE_SETTING));
        }

        @Test
        void acceptsRepositoriesAsAddressesOrOwnerAndName() {
            for (String repository : new String[] {"git@github.com:acme/infra.git", "acme/infra",
                    "ssh://git@example.com/infra"}) {
                fixture.givenNoPriorActivity()
                        .when(create(WORKSPACE_NAME, withRepository(repository, "release/1.x")))
                        .expectSuccessfulHandlerExecution();
                names.release(WorkspaceRules.NAMES.scope(PROJECT_ID), WORKSPACE_NAME, WORKSPACE_ID);
            }
        }

        @Test
        void refusesMalformedRepositoryOrBranchAndABranchWithoutRepository() {
            fixture.givenNoPriorActivity().when(create(WORKSPACE_NAME, withRepository("ftp://x/y", null)))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_WORKSPACE_SETTING));
            fixture.givenNoPriorActivity().when(create(WORKSPACE_NAME, withRepository("acme/infra", "a..b")))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_WORKSPACE_SETTING));
            fixture.givenNoPriorActivity().when(create(WORKSPACE_NAME, withRepository(null, "main")))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_WORKSPACE_SETTING))
                    .expectExceptionMessage("A VCS branch needs a VCS repository");
        }
    }

    @Nested
    class Settings {

        @Test
        void changesSettingsAndStoresNothingForTheSameOnes() {
            WorkspaceSettings staging = new WorkspaceSettings("staging", "1.10.0", null, null, null, true);
            when(new ChangeWorkspaceSettingsCommand(WORKSPACE_ID, ORGANIZATION_ID, staging))
                    .expectEvents(new WorkspaceSettingsChangedEvent(WORKSPACE_ID, ORGANIZATION_ID, staging));
            when(new ChangeWorkspaceSettingsCommand(WORKSPACE_ID, ORGANIZATION_ID, SETTINGS))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherOrganizationsWorkspaceLooksMissing() {
            when(new ChangeWorkspaceSettingsCommand(WORKSPACE_ID, OTHER_ORGANIZATION_ID, SETTINGS))
                    .expectException(refusedWith(IdKind.WORKSPACE.notFoundCode()))
                    .expectExceptionMessage("No workspace " + WORKSPACE_ID);
        }

        @Test
        void aMissingWorkspaceIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new LockWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, ALICE, "x"))
                    .expectException(refusedWith(IdKind.WORKSPACE.notFoundCode()));
        }
    }

    @Nested
    class Variables {

        @Test
        void setsAPlainVariableAndStoresNothingWhenItIsTheSame() {
            WorkspaceVariableSetEvent set = new WorkspaceVariableSetEvent(WORKSPACE_ID, ORGANIZATION_ID, "region",
                    "eu-west-1", null, false);
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "region", " eu-west-1 ", null, false))
                    .expectEvents(set);
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "region", "eu-west-1", null, false),
                    set).expectNoEvents();
        }

        @Test
        void setsASensitiveVariableAsAReferenceToACredential() {
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "AWS_SECRET_ACCESS_KEY", null,
                    CREDENTIAL_ID, true))
                    .expectEvents(new WorkspaceVariableSetEvent(WORKSPACE_ID, ORGANIZATION_ID, "AWS_SECRET_ACCESS_KEY",
                            null, CREDENTIAL_ID, true));
        }

        @Test
        void refusesAReferenceToACredentialTheOrganizationDoesNotHave() {
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "token", null,
                    IdKind.CREDENTIAL.next(), true))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_VARIABLE))
                    .expectNoEvents();
        }

        @Test
        void aPlainValueReplacedByAReferenceIsAChange() {
            WorkspaceVariableSetEvent plain = new WorkspaceVariableSetEvent(WORKSPACE_ID, ORGANIZATION_ID, "token",
                    "cred_notareference000000000", null, false);
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "token", null, CREDENTIAL_ID, true),
                    plain).expectEvents(new WorkspaceVariableSetEvent(WORKSPACE_ID, ORGANIZATION_ID, "token", null,
                    CREDENTIAL_ID, true));
        }

        @Test
        void refusesASensitiveVariableWithAValueOrWithoutAReference() {
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "password", "hunter2", CREDENTIAL_ID,
                    true))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_VARIABLE))
                    .expectNoEvents();
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "password", null, null, true))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_VARIABLE));
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "password", null, "key_notcredential",
                    true))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_VARIABLE));
        }

        @Test
        void refusesAReferenceOnAVariableNotMarkedSensitive() {
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "token", null, CREDENTIAL_ID, false))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_VARIABLE))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "1starts_with_digit", "has-dash", "has space"})
        void refusesMalformedVariableName(String name) {
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, name, "x", null, false))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_VARIABLE));
        }

        @Test
        void refusesAnOverlongValue() {
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "blob", "v".repeat(4001), null, false))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_VARIABLE));
        }

        @Test
        void removesAVariableAndStoresNothingForOneNotThere() {
            WorkspaceVariableSetEvent set = new WorkspaceVariableSetEvent(WORKSPACE_ID, ORGANIZATION_ID, "region",
                    "eu-west-1", null, false);
            when(new RemoveWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "region"), set)
                    .expectEvents(new WorkspaceVariableRemovedEvent(WORKSPACE_ID, ORGANIZATION_ID, "region"));
            when(new RemoveWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "region"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Locking {

        @Test
        void locksWithWhoAndWhyAndRelockingByTheHolderStoresNothing() {
            when(new LockWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, ALICE, " Migrating the VPC "))
                    .expectEvents(ALICE_LOCKED);
            when(new LockWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, ALICE, "Again"), ALICE_LOCKED)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesALockHeldBySomeoneElse() {
            when(new LockWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, BOB, "Mine now"), ALICE_LOCKED)
                    .expectException(refusedWith(WorkspaceErrorCode.WORKSPACE_LOCKED))
                    .expectExceptionMessage("The workspace is locked by " + ALICE
                            + " (Migrating the VPC); only they can lock it until it is unlocked")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  "})
        void refusesALockWithoutReason(String reason) {
            when(new LockWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, ALICE, reason))
                    .expectException(refusedWith(WorkspaceErrorCode.INVALID_LOCK_REASON))
                    .expectNoEvents();
        }

        @Test
        void theHolderUnlocks() {
            when(new UnlockWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, ALICE, " Done "), ALICE_LOCKED)
                    .expectEvents(new WorkspaceUnlockedEvent(WORKSPACE_ID, ORGANIZATION_ID, ALICE, ALICE, "Done"));
        }

        @Test
        void unlockingAnUnlockedWorkspaceStoresNothing() {
            when(new UnlockWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, BOB, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void someoneElseWithoutTheUnlockPermissionIsRefused() {
            actingWith(Set.of("workspaces:write"), () ->
                    when(new UnlockWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, BOB, null), ALICE_LOCKED)
                            .expectException(refusedWith(WorkspaceErrorCode.NOT_LOCK_HOLDER))
                            .expectExceptionMessage("The workspace is locked by " + ALICE
                                    + "; only they, or a holder of workspaces:unlock, can unlock it")
                            .expectNoEvents());
        }

        @Test
        void aHolderOfTheUnlockPermissionBreaksSomeoneElsesLock() {
            actingWith(Set.of("workspaces:write", "workspaces:unlock"), () ->
                    when(new UnlockWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, BOB, "Alice is away"), ALICE_LOCKED)
                            .expectEvents(new WorkspaceUnlockedEvent(WORKSPACE_ID, ORGANIZATION_ID, BOB, ALICE,
                                    "Alice is away")));
        }
    }

    @Nested
    class Archiving {

        @Test
        void archivesAndFreesTheName() {
            when(new ArchiveWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID))
                    .expectEvents(new WorkspaceArchivedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, WORKSPACE_NAME));

            assertThat(names.ownerOf(WorkspaceRules.NAMES.scope(PROJECT_ID), WORKSPACE_NAME)).isEmpty();
        }

        @Test
        void refusesToArchiveWhileLockedNamingTheLock() {
            when(new ArchiveWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID), ALICE_LOCKED)
                    .expectException(refusedWith(WorkspaceErrorCode.WORKSPACE_LOCKED))
                    .expectExceptionMessage("The workspace is locked by " + ALICE
                            + " (Migrating the VPC); unlock it before archiving")
                    .expectNoEvents();
            assertThat(names.ownerOf(WorkspaceRules.NAMES.scope(PROJECT_ID), WORKSPACE_NAME)).contains(WORKSPACE_ID);
        }

        @Test
        void anArchivedWorkspaceTakesNoChangesAndArchivingAgainStoresNothing() {
            WorkspaceArchivedEvent archived = new WorkspaceArchivedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID,
                    WORKSPACE_NAME);
            when(new ArchiveWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID), archived).expectNoEvents();
            when(new ChangeWorkspaceSettingsCommand(WORKSPACE_ID, ORGANIZATION_ID, SETTINGS), archived)
                    .expectException(refusedWith(WorkspaceErrorCode.WORKSPACE_ARCHIVED))
                    .expectExceptionMessage("The workspace 'network-prod' is archived and changes no more");
            when(new SetWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "x", "y", null, false), archived)
                    .expectException(refusedWith(WorkspaceErrorCode.WORKSPACE_ARCHIVED));
            when(new RemoveWorkspaceVariableCommand(WORKSPACE_ID, ORGANIZATION_ID, "x"), archived)
                    .expectException(refusedWith(WorkspaceErrorCode.WORKSPACE_ARCHIVED));
            when(new LockWorkspaceCommand(WORKSPACE_ID, ORGANIZATION_ID, ALICE, "x"), archived)
                    .expectException(refusedWith(WorkspaceErrorCode.WORKSPACE_ARCHIVED));
        }
    }
}
