package dev.warden.command.infrastructure;

import dev.warden.events.infrastructure.RecordRunCommand;
import dev.warden.events.infrastructure.ResourceCounts;
import dev.warden.events.infrastructure.RunErrorCode;
import dev.warden.events.infrastructure.RunRecordedEvent;
import dev.warden.events.infrastructure.RunStatusChangedEvent;
import dev.warden.events.infrastructure.UpdateRunCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.HashMap;
import java.util.Map;

/**
 * The runs of one workspace, part of its state: each run's operation and status, and whether a plan
 * has succeeded since the last apply was recorded (what an apply needs unless the workspace applies
 * automatically). It decides and builds the events; the workspace applies them and hands them back.
 */
class WorkspaceRuns {

    private Map<String, String> operations = new HashMap<>();
    private Map<String, String> statuses = new HashMap<>();
    private boolean planSucceeded;

    /** The event recording {@code command} in a workspace of {@code projectId}, once the run rules hold. */
    RunRecordedEvent record(RecordRunCommand command, String projectId, boolean autoApply) {
        String operation = RunRules.operation(command.operation());
        String status = RunRules.firstStatus(command.status());
        String trigger = RunRules.trigger(command.trigger());
        ResourceCounts counts = RunRules.counts(command.resources());
        if (RunRules.APPLY.equals(operation) && !autoApply && !planSucceeded) {
            throw new DomainException(RunErrorCode.PLAN_REQUIRED, "An apply needs a plan that succeeded since the"
                    + " last apply (or auto-apply on the workspace): record a plan run first");
        }
        return new RunRecordedEvent(command.workspaceId(), command.organizationId(), projectId, command.runId(),
                operation, status, trigger, command.triggeredBy(), counts);
    }

    /** The event moving a run to the reported status, or {@code null} when it is there already. */
    RunStatusChangedEvent update(UpdateRunCommand command) {
        String current = statuses.get(command.runId());
        if (current == null) {
            throw IdKind.RUN.notFound(command.runId());
        }
        String status = RunRules.status(command.status());
        ResourceCounts counts = RunRules.counts(command.resources());
        if (status.equals(current)) {
            return null;
        }
        RunRules.requireTransition(current, status);
        return new RunStatusChangedEvent(command.workspaceId(), command.organizationId(), command.runId(),
                operations.get(command.runId()), status, current, counts);
    }

    void on(RunRecordedEvent event) {
        operations.put(event.runId(), event.operation());
        statuses.put(event.runId(), event.status());
        if (RunRules.APPLY.equals(event.operation())) {
            planSucceeded = false;
        }
        noteSucceededPlan(event.operation(), event.status());
    }

    void on(RunStatusChangedEvent event) {
        statuses.put(event.runId(), event.status());
        noteSucceededPlan(event.operation(), event.status());
    }

    private void noteSucceededPlan(String operation, String status) {
        if (RunRules.PLAN.equals(operation) && RunRules.SUCCEEDED.equals(status)) {
            planSucceeded = true;
        }
    }
}
