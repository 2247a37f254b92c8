package dev.warden.command.infrastructure;

import static dev.warden.command.infrastructure.InfrastructureTestData.ORGANIZATION_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.OTHER_PROJECT_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.PROJECT_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.PROJECT_NAME;
import static dev.warden.command.infrastructure.InfrastructureTestData.projectCreated;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.RecordingAggregateLocks;
import dev.warden.events.infrastructure.ArchiveProjectCommand;
import dev.warden.events.infrastructure.CreateProjectCommand;
import dev.warden.events.infrastructure.DescribeProjectCommand;
import dev.warden.events.infrastructure.LabelProjectCommand;
import dev.warden.events.infrastructure.ProjectArchivedEvent;
import dev.warden.events.infrastructure.ProjectCreatedEvent;
import dev.warden.events.infrastructure.ProjectDescribedEvent;
import dev.warden.events.infrastructure.ProjectErrorCode;
import dev.warden.events.infrastructure.ProjectLabelledEvent;
import dev.warden.events.infrastructure.ProjectRenamedEvent;
import dev.warden.events.infrastructure.ProjectRestoredEvent;
import dev.warden.events.infrastructure.RenameProjectCommand;
import dev.warden.events.infrastructure.RestoreProjectCommand;
import dev.warden.events.shared.IdKind;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectTest {

    private AggregateTestFixture<Project> fixture;
    private InMemoryUniqueNames names;
    private RecordingAggregateLocks locks;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        names = new InMemoryUniqueNames();
        locks = new RecordingAggregateLocks();
        InfrastructureTestData.handlers(fixture.getRepository(),
                        new EventSourcedAggregates<>(Workspace.class).repository(), names, locks)
                .forEach(fixture::registerAnnotatedCommandHandler);
    }

    /** The sample project as the handler created it, name claim included. */
    private AggregateTestFixture<Project> givenProject(Object... laterEvents) {
        names.claim(ProjectRules.NAMES.scope(ORGANIZATION_ID), "platform", PROJECT_ID);
        fixture.given(projectCreated()).andGiven(laterEvents);
        return fixture;
    }

    @Nested
    class Creating {

        @Test
        void createsProjectWithNameStrippedAndLabelsSorted() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, "  Platform ", " Shared platform ",
                            Map.of("team", " platform ", "cost-center", "42")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProjectCreatedEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, "Shared platform",
                            Map.of("cost-center", "42", "team", "platform")));

            assertThat(names.ownerOf(ProjectRules.NAMES.scope(ORGANIZATION_ID), "platform")).contains(PROJECT_ID);
        }

        @Test
        void createsProjectWithoutDescriptionOrLabels() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, null, null))
                    .expectEvents(new ProjectCreatedEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, "", Map.of()));
        }

        @Test
        void refusesNameTakenInTheOrganizationIgnoringCase() {
            names.claim(ProjectRules.NAMES.scope(ORGANIZATION_ID), "platform", OTHER_PROJECT_ID);

            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, "PLATFORM", null, null))
                    .expectException(refusedWith(ProjectErrorCode.PROJECT_NAME_TAKEN))
                    .expectExceptionMessage("A project named 'PLATFORM' exists already in this organization")
                    .expectNoEvents();
        }

        @Test
        void allowsNameTakenInAnotherOrganization() {
            names.claim(ProjectRules.NAMES.scope(OTHER_ORGANIZATION_ID), "platform", OTHER_PROJECT_ID);

            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, null, null))
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  ", "two\nlines", "bidi\u202Eoverride"})
        void refusesInvalidName(String name) {
            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, name, null, null))
                    .expectException(refusedWith(ProjectErrorCode.INVALID_PROJECT_NAME))
                    .expectNoEvents();
        }

        @Test
        void refusesNameOverAHundredCharacters() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, "p".repeat(101), null, null))
                    .expectException(refusedWith(ProjectErrorCode.INVALID_PROJECT_NAME))
                    .expectNoEvents();
        }

        @Test
        void refusesOverlongDescriptionBeforeClaimingTheName() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, "d".repeat(2001), null))
                    .expectException(refusedWith(ProjectErrorCode.INVALID_PROJECT_DESCRIPTION))
                    .expectNoEvents();

            assertThat(names.ownerOf(ProjectRules.NAMES.scope(ORGANIZATION_ID), "platform")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Team", "-team", "team-", "", "with space", "ünicode"})
        void refusesMalformedLabelKey(String key) {
            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, null, Map.of(key, "x")))
                    .expectException(refusedWith(ProjectErrorCode.INVALID_LABEL))
                    .expectNoEvents();
        }

        @Test
        void refusesLabelValueWithControlCharactersOrOverlong() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, null,
                            Map.of("team", "a\u0007b")))
                    .expectException(refusedWith(ProjectErrorCode.INVALID_LABEL));
            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, null,
                            Map.of("team", "v".repeat(256))))
                    .expectException(refusedWith(ProjectErrorCode.INVALID_LABEL));
        }

        @Test
        void refusesMoreThanFiftyLabels() {
            Map<String, String> labels = IntStream.range(0, 51).boxed()
                    .collect(Collectors.toMap(i -> "k" + i, i -> "v"));

            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, null, labels))
                    .expectException(refusedWith(ProjectErrorCode.INVALID_LABEL))
                    .expectExceptionMessage("A project has at most 50 labels");
        }

        @Test
        void refusesLabelWithoutKey() {
            Map<String, String> labels = new HashMap<>();
            labels.put(null, "x");

            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, null, labels))
                    .expectException(refusedWith(ProjectErrorCode.INVALID_LABEL));
        }
    }

    @Nested
    class Changing {

        @Test
        void renamesAndMovesTheNameClaim() {
            givenProject()
                    .when(new RenameProjectCommand(PROJECT_ID, ORGANIZATION_ID, " Core platform "))
                    .expectEvents(new ProjectRenamedEvent(PROJECT_ID, ORGANIZATION_ID, "Core platform", PROJECT_NAME));

            assertThat(names.ownerOf(ProjectRules.NAMES.scope(ORGANIZATION_ID), "core platform")).contains(PROJECT_ID);
            assertThat(names.ownerOf(ProjectRules.NAMES.scope(ORGANIZATION_ID), "platform")).isEmpty();
        }

        @Test
        void renamesToAnotherCaseOfItsOwnName() {
            givenProject()
                    .when(new RenameProjectCommand(PROJECT_ID, ORGANIZATION_ID, "PLATFORM"))
                    .expectEvents(new ProjectRenamedEvent(PROJECT_ID, ORGANIZATION_ID, "PLATFORM", PROJECT_NAME));

            assertThat(names.ownerOf(ProjectRules.NAMES.scope(ORGANIZATION_ID), "platform")).contains(PROJECT_ID);
        }

        @Test
        void renamingToTheSameNameStoresNothing() {
            givenProject().when(new RenameProjectCommand(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesRenameToATakenName() {
            names.claim(ProjectRules.NAMES.scope(ORGANIZATION_ID), "billing", OTHER_PROJECT_ID);

            givenProject().when(new RenameProjectCommand(PROJECT_ID, ORGANIZATION_ID, "Billing"))
                    .expectException(refusedWith(ProjectErrorCode.PROJECT_NAME_TAKEN))
                    .expectNoEvents();

            assertThat(names.ownerOf(ProjectRules.NAMES.scope(ORGANIZATION_ID), "platform")).contains(PROJECT_ID);
        }

        @Test
        void describesAndClearsTheDescription() {
            givenProject().when(new DescribeProjectCommand(PROJECT_ID, ORGANIZATION_ID, "Networks\nand DNS"))
                    .expectEvents(new ProjectDescribedEvent(PROJECT_ID, ORGANIZATION_ID, "Networks\nand DNS"));
            givenProject().when(new DescribeProjectCommand(PROJECT_ID, ORGANIZATION_ID, null))
                    .expectEvents(new ProjectDescribedEvent(PROJECT_ID, ORGANIZATION_ID, ""));
            givenProject().when(new DescribeProjectCommand(PROJECT_ID, ORGANIZATION_ID, "Shared platform"))
                    .expectNoEvents();
        }

        @Test
        void replacesTheLabelsAndStoresNothingForTheSameOnes() {
            givenProject().when(new LabelProjectCommand(PROJECT_ID, ORGANIZATION_ID, Map.of("tier", "gold")))
                    .expectEvents(new ProjectLabelledEvent(PROJECT_ID, ORGANIZATION_ID, Map.of("tier", "gold")));
            givenProject().when(new LabelProjectCommand(PROJECT_ID, ORGANIZATION_ID, Map.of("team", "platform")))
                    .expectNoEvents();
            givenProject().when(new LabelProjectCommand(PROJECT_ID, ORGANIZATION_ID, Map.of()))
                    .expectEvents(new ProjectLabelledEvent(PROJECT_ID, ORGANIZATION_ID, Map.of()));
        }

        @Test
        void anotherOrganizationsProjectLooksMissing() {
            givenProject().when(new RenameProjectCommand(PROJECT_ID, OTHER_ORGANIZATION_ID, "Stolen"))
                    .expectException(refusedWith(IdKind.PROJECT.notFoundCode()))
                    .expectNoEvents();
            givenProject().when(new ArchiveProjectCommand(PROJECT_ID, OTHER_ORGANIZATION_ID))
                    .expectException(refusedWith(IdKind.PROJECT.notFoundCode()));
        }

        @Test
        void aMissingProjectIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new DescribeProjectCommand(PROJECT_ID, ORGANIZATION_ID, "x"))
                    .expectException(refusedWith(IdKind.PROJECT.notFoundCode()));
        }
    }

    @Nested
    class Archiving {

        @Test
        void archivesOnceUnderTheProjectsLock() {
            givenProject().when(new ArchiveProjectCommand(PROJECT_ID, ORGANIZATION_ID))
                    .expectEvents(new ProjectArchivedEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME));
            assertThat(locks.locked()).containsExactly(PROJECT_ID);

            givenProject(new ProjectArchivedEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME))
                    .when(new ArchiveProjectCommand(PROJECT_ID, ORGANIZATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anArchivedProjectRefusesChanges() {
            ProjectArchivedEvent archived = new ProjectArchivedEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME);
            givenProject(archived).when(new RenameProjectCommand(PROJECT_ID, ORGANIZATION_ID, "Other"))
                    .expectException(refusedWith(ProjectErrorCode.PROJECT_ARCHIVED))
                    .expectExceptionMessage("The project 'Platform' is archived; restore it first")
                    .expectNoEvents();
            givenProject(archived).when(new DescribeProjectCommand(PROJECT_ID, ORGANIZATION_ID, "x"))
                    .expectException(refusedWith(ProjectErrorCode.PROJECT_ARCHIVED));
            givenProject(archived).when(new LabelProjectCommand(PROJECT_ID, ORGANIZATION_ID, Map.of()))
                    .expectException(refusedWith(ProjectErrorCode.PROJECT_ARCHIVED));
        }

        @Test
        void restoreBringsItBackAndRestoringAnActiveProjectStoresNothing() {
            ProjectArchivedEvent archived = new ProjectArchivedEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME);
            givenProject(archived).when(new RestoreProjectCommand(PROJECT_ID, ORGANIZATION_ID))
                    .expectEvents(new ProjectRestoredEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME));
            givenProject(archived, new ProjectRestoredEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME))
                    .when(new RenameProjectCommand(PROJECT_ID, ORGANIZATION_ID, "Core"))
                    .expectEvents(new ProjectRenamedEvent(PROJECT_ID, ORGANIZATION_ID, "Core", PROJECT_NAME));
            givenProject().when(new RestoreProjectCommand(PROJECT_ID, ORGANIZATION_ID)).expectNoEvents();
        }

        @Test
        void anArchivedProjectKeepsItsName() {
            givenProject(new ProjectArchivedEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME));

            fixture.givenNoPriorActivity()
                    .when(new CreateProjectCommand(OTHER_PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, null, null))
                    .expectException(refusedWith(ProjectErrorCode.PROJECT_NAME_TAKEN));
        }
    }
}
