package dev.warden.command.infrastructure;

import static dev.warden.command.infrastructure.InfrastructureTestData.ALICE;
import static dev.warden.command.infrastructure.InfrastructureTestData.CHECK_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.ORGANIZATION_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.PROJECT_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.WORKSPACE_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.WORKSPACE_NAME;
import static dev.warden.command.infrastructure.InfrastructureTestData.workspaceCreated;
import static dev.warden.command.support.DomainErrors.refusedWith;

import dev.warden.events.infrastructure.DriftCheckRecordedEvent;
import dev.warden.events.infrastructure.DriftErrorCode;
import dev.warden.events.infrastructure.DriftedResource;
import dev.warden.events.infrastructure.RecordDriftCheckCommand;
import dev.warden.events.infrastructure.WorkspaceArchivedEvent;
import dev.warden.events.infrastructure.WorkspaceErrorCode;
import dev.warden.events.shared.IdKind;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DriftCheckTest {

    private static final DriftedResource BUCKET = new DriftedResource("aws_s3_bucket.logs", "update",
            List.of("tags.owner", "versioning[0].enabled"));

    private AggregateTestFixture<Workspace> fixture;

    @BeforeEach
    void setUp() {
        fixture = InfrastructureTestData.workspaceFixture();
    }

    private ResultValidator<Workspace> when(RecordDriftCheckCommand command, Object... history) {
        return fixture.given(workspaceCreated()).andGiven(Arrays.asList(history)).when(command);
    }

    private static RecordDriftCheckCommand check(String status, List<DriftedResource> resources, Integer checked,
                                                 String summary) {
        return new RecordDriftCheckCommand(WORKSPACE_ID, ORGANIZATION_ID, CHECK_ID, status, resources, checked, summary,
                "schedule", ALICE);
    }

    @Test
    void recordsADriftedCheckWithItsResourcesAndProject() {
        when(check("drifted", List.of(BUCKET), 40, " One bucket changed by hand "))
                .expectEvents(new DriftCheckRecordedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, CHECK_ID, "drifted",
                        List.of(BUCKET), 40, "One bucket changed by hand", "schedule", ALICE));
    }

    @Test
    void recordsACheckWithoutDriftCountingTheResourcesChecked() {
        when(check("no-drift", null, null, null))
                .expectEvents(new DriftCheckRecordedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, CHECK_ID,
                        "no-drift", List.of(), 0, "", "schedule", ALICE));
    }

    @Test
    void recordsAFailedCheckThatSaysWhy() {
        when(check("failed", List.of(), 0, "Provider credentials expired"))
                .expectEvents(new DriftCheckRecordedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, CHECK_ID, "failed",
                        List.of(), 0, "Provider credentials expired", "schedule", ALICE));
        when(check("failed", null, null, " "))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK))
                .expectExceptionMessage("A failed check says why in its summary");
    }

    @Test
    void resourcesMustFitTheStatus() {
        when(check("drifted", List.of(), null, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK))
                .expectExceptionMessage("A drifted check names the resources that changed")
                .expectNoEvents();
        when(check("no-drift", List.of(BUCKET), null, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK))
                .expectExceptionMessage("Only a drifted check names changed resources");
    }

    @Test
    void resourcesCheckedIsAtLeastTheChangedOnes() {
        when(check("drifted", List.of(BUCKET, BUCKET), 1, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK));
        when(check("no-drift", null, -1, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in_sync", "DRIFTED", ""})
    void refusesAnUnknownStatus(String status) {
        when(check(status, null, null, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK))
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownTriggerOrChangeKind() {
        when(new RecordDriftCheckCommand(WORKSPACE_ID, ORGANIZATION_ID, CHECK_ID, "no-drift", null, null, null, "vcs",
                ALICE))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK))
                .expectExceptionMessage("A drift check's trigger is one of manual, schedule, api: 'vcs' is not");
        when(check("drifted", List.of(new DriftedResource("aws_s3_bucket.logs", "modify", List.of())), null, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK));
    }

    @Test
    void refusesMalformedAddressesAndAttributeNames() {
        when(check("drifted", List.of(new DriftedResource("aws s3", "update", List.of())), null, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK));
        when(check("drifted", List.of(new DriftedResource(null, "update", List.of())), null, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK));
        when(check("drifted", Collections.singletonList(null), null, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK));
        when(check("drifted", List.of(new DriftedResource("aws_iam_user.ci", "update",
                List.of("password = hunter2"))), null, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK));
    }

    @Test
    void refusesTooManyResourcesOrAttributes() {
        List<DriftedResource> many = IntStream.range(0, 1001)
                .mapToObj(i -> new DriftedResource("null_resource.r" + i, "delete", List.of())).toList();
        when(check("drifted", many, null, null)).expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK));
        List<String> attributes = IntStream.range(0, 201).mapToObj(i -> "a" + i).toList();
        when(check("drifted", List.of(new DriftedResource("null_resource.r", "update", attributes)), null, null))
                .expectException(refusedWith(DriftErrorCode.INVALID_DRIFT_CHECK));
    }

    @Test
    void anArchivedWorkspaceTakesNoChecks() {
        when(check("no-drift", null, null, null),
                new WorkspaceArchivedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, WORKSPACE_NAME))
                .expectException(refusedWith(WorkspaceErrorCode.WORKSPACE_ARCHIVED))
                .expectNoEvents();
    }

    @Test
    void anotherOrganizationsWorkspaceLooksMissing() {
        fixture.given(workspaceCreated())
                .when(new RecordDriftCheckCommand(WORKSPACE_ID, OTHER_ORGANIZATION_ID, CHECK_ID, "no-drift", null, null,
                        null, "api", ALICE))
                .expectException(refusedWith(IdKind.WORKSPACE.notFoundCode()));
    }
}
