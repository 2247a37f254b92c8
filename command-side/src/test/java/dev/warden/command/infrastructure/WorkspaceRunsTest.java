package dev.warden.command.infrastructure;

import static dev.warden.command.infrastructure.InfrastructureTestData.ALICE;
import static dev.warden.command.infrastructure.InfrastructureTestData.AUTO_APPLY;
import static dev.warden.command.infrastructure.InfrastructureTestData.ORGANIZATION_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.OTHER_RUN_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.PROJECT_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.RUNNER;
import static dev.warden.command.infrastructure.InfrastructureTestData.RUN_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.WORKSPACE_ID;
import static dev.warden.command.infrastructure.InfrastructureTestData.WORKSPACE_NAME;
import static dev.warden.command.infrastructure.InfrastructureTestData.workspaceCreated;
import static dev.warden.command.support.DomainErrors.refusedWith;

import dev.warden.events.infrastructure.RecordRunCommand;
import dev.warden.events.infrastructure.ResourceCounts;
import dev.warden.events.infrastructure.RunErrorCode;
import dev.warden.events.infrastructure.RunRecordedEvent;
import dev.warden.events.infrastructure.RunStatusChangedEvent;
import dev.warden.events.infrastructure.UpdateRunCommand;
import dev.warden.events.infrastructure.WorkspaceArchivedEvent;
import dev.warden.events.infrastructure.WorkspaceErrorCode;
import dev.warden.events.infrastructure.WorkspaceLockedEvent;
import dev.warden.events.infrastructure.WorkspaceUnlockedEvent;
import dev.warden.events.shared.IdKind;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceRunsTest {

    private static final ResourceCounts COUNTS = new ResourceCounts(3, 1, 0);
    private static final WorkspaceLockedEvent ALICE_LOCKED =
            new WorkspaceLockedEvent(WORKSPACE_ID, ORGANIZATION_ID, ALICE, "Migrating the VPC");

    private AggregateTestFixture<Workspace> fixture;

    @BeforeEach
    void setUp() {
        fixture = InfrastructureTestData.workspaceFixture();
    }

    private ResultValidator<Workspace> when(Object command, Object... history) {
        List<Object> events = new ArrayList<>(List.of(workspaceCreated()));
        events.addAll(List.of(history));
        return fixture.given(events).when(command);
    }

    private static RecordRunCommand run(String runId, String operation, String status, String by) {
        return new RecordRunCommand(WORKSPACE_ID, ORGANIZATION_ID, runId, operation, status, "vcs", by, null);
    }

    private static RunRecordedEvent recorded(String runId, String operation, String status) {
        return new RunRecordedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, runId, operation, status, "vcs", RUNNER,
                null);
    }

    private static RunStatusChangedEvent changed(String runId, String operation, String status, String previous) {
        return new RunStatusChangedEvent(WORKSPACE_ID, ORGANIZATION_ID, runId, operation, status, previous, null);
    }

    /** A plan run that went through to success. */
    private static Object[] succeededPlan(String runId) {
        return new Object[] {recorded(runId, "plan", "queued"), changed(runId, "plan", "running", "queued"),
                changed(runId, "plan", "succeeded", "running")};
    }

    @Nested
    class Recording {

        @Test
        void recordsAQueuedRunWithItsTriggerAndWho() {
            when(new RecordRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "plan", null, "schedule", RUNNER, COUNTS))
                    .expectEvents(new RunRecordedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, RUN_ID, "plan",
                            "queued", "schedule", RUNNER, COUNTS));
        }

        @ParameterizedTest
        @ValueSource(strings = {"init", "plan", "destroy"})
        void recordsOperationsThatNeedNoPlan(String operation) {
            when(run(RUN_ID, operation, "running", RUNNER))
                    .expectEvents(recorded(RUN_ID, operation, "running"));
        }

        @Test
        void refusesUnknownOperationStatusOrTrigger() {
            when(run(RUN_ID, "import", null, RUNNER))
                    .expectException(refusedWith(RunErrorCode.INVALID_RUN))
                    .expectExceptionMessage("A run's operation is one of init, plan, apply, destroy: 'import' is not");
            when(run(RUN_ID, "plan", "done", RUNNER)).expectException(refusedWith(RunErrorCode.INVALID_RUN));
            when(new RecordRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "plan", null, "cron", RUNNER, null))
                    .expectException(refusedWith(RunErrorCode.INVALID_RUN));
            when(new RecordRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "plan", null, null, RUNNER, null))
                    .expectException(refusedWith(RunErrorCode.INVALID_RUN));
        }

        @Test
        void refusesNegativeOrHugeResourceCounts() {
            when(new RecordRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "plan", null, "api", RUNNER,
                    new ResourceCounts(-1, 0, 0)))
                    .expectException(refusedWith(RunErrorCode.INVALID_RUN))
                    .expectNoEvents();
            when(new RecordRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "plan", null, "api", RUNNER,
                    new ResourceCounts(0, 0, 1_000_001)))
                    .expectException(refusedWith(RunErrorCode.INVALID_RUN));
        }

        @Test
        void refusesRunsOnAnArchivedWorkspace() {
            when(run(RUN_ID, "plan", null, RUNNER),
                    new WorkspaceArchivedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, WORKSPACE_NAME))
                    .expectException(refusedWith(WorkspaceErrorCode.WORKSPACE_ARCHIVED))
                    .expectNoEvents();
        }

        @Test
        void refusesARunOnAnotherOrganizationsWorkspaceAsMissing() {
            when(new RecordRunCommand(WORKSPACE_ID, OTHER_ORGANIZATION_ID, RUN_ID, "plan", null, "api", RUNNER, null))
                    .expectException(refusedWith(IdKind.WORKSPACE.notFoundCode()));
        }
    }

    @Nested
    class ApplyAndDestroy {

        @Test
        void anApplyNeedsASucceededPlanFirst() {
            when(run(OTHER_RUN_ID, "apply", null, RUNNER))
                    .expectException(refusedWith(RunErrorCode.PLAN_REQUIRED))
                    .expectExceptionMessage("An apply needs a plan that succeeded since the last apply (or auto-apply"
                            + " on the workspace): record a plan run first")
                    .expectNoEvents();
        }

        @Test
        void aPlanThatFailedOrIsStillRunningDoesNotCount() {
            when(run(OTHER_RUN_ID, "apply", null, RUNNER), recorded(RUN_ID, "plan", "running"))
                    .expectException(refusedWith(RunErrorCode.PLAN_REQUIRED));
            when(run(OTHER_RUN_ID, "apply", null, RUNNER), recorded(RUN_ID, "plan", "running"),
                    changed(RUN_ID, "plan", "failed", "running"))
                    .expectException(refusedWith(RunErrorCode.PLAN_REQUIRED));
        }

        @Test
        void anApplyFollowsASucceededPlanOnce() {
            when(run(OTHER_RUN_ID, "apply", null, RUNNER), succeededPlan(RUN_ID))
                    .expectEvents(recorded(OTHER_RUN_ID, "apply", "queued"));
            List<Object> history = new ArrayList<>(List.of(succeededPlan(RUN_ID)));
            history.add(recorded(OTHER_RUN_ID, "apply", "queued"));
            when(run(IdKind.RUN.next(), "apply", null, RUNNER), history.toArray())
                    .expectException(refusedWith(RunErrorCode.PLAN_REQUIRED));
        }

        @Test
        void aPlanRecordedAsSucceededCounts() {
            when(run(OTHER_RUN_ID, "apply", null, RUNNER), recorded(RUN_ID, "plan", "succeeded"))
                    .expectEvents(recorded(OTHER_RUN_ID, "apply", "queued"));
        }

        @Test
        void autoApplyNeedsNoPlan() {
            fixture.given(workspaceCreated(AUTO_APPLY))
                    .when(run(RUN_ID, "apply", null, RUNNER))
                    .expectEvents(recorded(RUN_ID, "apply", "queued"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"apply", "destroy"})
        void refusesAnApplyOrDestroyOnAWorkspaceSomeoneElseLocked(String operation) {
            List<Object> history = new ArrayList<>(List.of(succeededPlan(OTHER_RUN_ID)));
            history.add(ALICE_LOCKED);
            when(run(RUN_ID, operation, null, RUNNER), history.toArray())
                    .expectException(refusedWith(WorkspaceErrorCode.WORKSPACE_LOCKED))
                    .expectExceptionMessage("The workspace is locked by " + ALICE + " (Migrating the VPC); only they"
                            + " can " + operation + " on it until it is unlocked")
                    .expectNoEvents();
        }

        @Test
        void theLockHolderAppliesAndOthersMayPlan() {
            List<Object> history = new ArrayList<>(List.of(succeededPlan(OTHER_RUN_ID)));
            history.add(ALICE_LOCKED);
            when(run(RUN_ID, "apply", null, ALICE), history.toArray())
                    .expectEvents(new RunRecordedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, RUN_ID, "apply",
                            "queued", "vcs", ALICE, null));
            when(run(RUN_ID, "plan", null, RUNNER), ALICE_LOCKED)
                    .expectEvents(recorded(RUN_ID, "plan", "queued"));
        }

        @Test
        void afterTheUnlockAnyoneApplies() {
            List<Object> history = new ArrayList<>(List.of(succeededPlan(OTHER_RUN_ID)));
            history.add(ALICE_LOCKED);
            history.add(new WorkspaceUnlockedEvent(WORKSPACE_ID, ORGANIZATION_ID, ALICE, ALICE, null));
            when(run(RUN_ID, "destroy", null, RUNNER), history.toArray())
                    .expectEvents(recorded(RUN_ID, "destroy", "queued"));
        }
    }

    @Nested
    class StatusChanges {

        @ParameterizedTest
        @CsvSource({"queued, running", "queued, cancelled", "running, succeeded", "running, failed",
                "running, cancelled"})
        void movesForward(String from, String to) {
            when(new UpdateRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, to, COUNTS), recorded(RUN_ID, "plan", from))
                    .expectEvents(new RunStatusChangedEvent(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "plan", to, from,
                            COUNTS));
        }

        @ParameterizedTest
        @CsvSource({"queued, succeeded", "queued, failed", "running, queued", "succeeded, running",
                "failed, succeeded", "cancelled, running"})
        void refusesToMoveBackOrSkipAhead(String from, String to) {
            when(new UpdateRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, to, null), recorded(RUN_ID, "plan", from))
                    .expectException(refusedWith(RunErrorCode.RUN_TRANSITION_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        void theRefusalSaysWhereTheRunCanGo() {
            when(new UpdateRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "succeeded", null),
                    recorded(RUN_ID, "plan", "queued"))
                    .expectExceptionMessage("A queued run can become running or cancelled, not succeeded");
            when(new UpdateRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "running", null),
                    recorded(RUN_ID, "plan", "failed"))
                    .expectExceptionMessage("A failed run is finished: its status changes no more");
        }

        @Test
        void reportingTheCurrentStatusAgainStoresNothing() {
            when(new UpdateRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "succeeded", COUNTS), succeededPlan(RUN_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anUnknownRunIsNotFound() {
            when(new UpdateRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "running", null))
                    .expectException(refusedWith(IdKind.RUN.notFoundCode()))
                    .expectExceptionMessage("No run " + RUN_ID);
        }

        @Test
        void refusesAnUnknownStatusOrBadCounts() {
            when(new UpdateRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "paused", null),
                    recorded(RUN_ID, "plan", "queued"))
                    .expectException(refusedWith(RunErrorCode.INVALID_RUN));
            when(new UpdateRunCommand(WORKSPACE_ID, ORGANIZATION_ID, RUN_ID, "running", new ResourceCounts(0, -2, 0)),
                    recorded(RUN_ID, "plan", "queued"))
                    .expectException(refusedWith(RunErrorCode.INVALID_RUN));
        }
    }
}
