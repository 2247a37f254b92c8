package dev.warden.command.infrastructure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.command.support.Aggregates;
import dev.warden.events.infrastructure.ArchiveWorkspaceCommand;
import dev.warden.events.infrastructure.ChangeWorkspaceSettingsCommand;
import dev.warden.events.infrastructure.CreateWorkspaceCommand;
import dev.warden.events.infrastructure.LockWorkspaceCommand;
import dev.warden.events.infrastructure.RecordDriftCheckCommand;
import dev.warden.events.infrastructure.RecordRunCommand;
import dev.warden.events.infrastructure.RemoveWorkspaceVariableCommand;
import dev.warden.events.infrastructure.RunRecordedEvent;
import dev.warden.events.infrastructure.RunStatusChangedEvent;
import dev.warden.events.infrastructure.SetWorkspaceVariableCommand;
import dev.warden.events.infrastructure.UnlockWorkspaceCommand;
import dev.warden.events.infrastructure.UpdateRunCommand;
import dev.warden.events.infrastructure.WorkspaceArchivedEvent;
import dev.warden.events.infrastructure.WorkspaceCreatedEvent;
import dev.warden.events.infrastructure.WorkspaceErrorCode;
import dev.warden.events.infrastructure.WorkspaceLockedEvent;
import dev.warden.events.infrastructure.WorkspaceSettings;
import dev.warden.events.infrastructure.WorkspaceSettingsChangedEvent;
import dev.warden.events.infrastructure.WorkspaceUnlockedEvent;
import dev.warden.events.infrastructure.WorkspaceVariableRemovedEvent;
import dev.warden.events.infrastructure.WorkspaceVariableSetEvent;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A Terraform workspace of a project: settings, variables (plain values, or references to
 * credentials), a lock held by one actor, the runs recorded on it ({@link WorkspaceRuns}) and its
 * drift checks. An archived workspace takes no changes, runs or checks; a locked one is not archived,
 * and nobody but the holder applies or destroys on it. Another organization's workspace answers as
 * missing; changing something to what it is already stores nothing.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class Workspace {

    @AggregateIdentifier
    private String workspaceId;
    private String organizationId;
    private String projectId;
    private String name;
    private WorkspaceSettings settings;
    private boolean archived;
    private String lockedBy;
    private String lockReason;
    /** Each variable's content as one text: {@code value:...} or {@code credential:cred_...}. */
    private Map<String, String> variables = new HashMap<>();
    private WorkspaceRuns runs = new WorkspaceRuns();

    protected Workspace() {
    }

    /** Creates the workspace; the caller has checked its project and claimed the name. */
    Workspace(CreateWorkspaceCommand command) {
        apply(new WorkspaceCreatedEvent(command.workspaceId(), command.organizationId(), command.projectId(),
                WorkspaceRules.name(command.name()), WorkspaceRules.settings(command.settings())));
    }

    /** The workspace {@code workspaceId} of {@code organizationId}; another organization's looks missing. */
    static org.axonframework.modelling.command.Aggregate<Workspace> load(Repository<Workspace> workspaces,
                                                                         String workspaceId, String organizationId) {
        org.axonframework.modelling.command.Aggregate<Workspace> workspace = Aggregates.load(workspaces, workspaceId);
        workspace.execute(w -> {
            if (!w.organizationId.equals(organizationId)) {
                throw IdKind.WORKSPACE.notFound(workspaceId);
            }
        });
        return workspace;
    }

    void changeSettings(ChangeWorkspaceSettingsCommand command) {
        requireNotArchived();
        WorkspaceSettings checked = WorkspaceRules.settings(command.settings());
        if (!checked.equals(settings)) {
            apply(new WorkspaceSettingsChangedEvent(workspaceId, organizationId, checked));
        }
    }

    void setVariable(SetWorkspaceVariableCommand command) {
        requireNotArchived();
        String variable = WorkspaceRules.variableName(command.name());
        String value = WorkspaceRules.variableValue(command.value(), command.credentialId(), command.sensitive());
        String content = command.sensitive() ? "credential:" + command.credentialId() : "value:" + value;
        if (!content.equals(variables.get(variable))) {
            apply(new WorkspaceVariableSetEvent(workspaceId, organizationId, variable, value,
                    command.sensitive() ? command.credentialId() : null, command.sensitive()));
        }
    }

    void removeVariable(RemoveWorkspaceVariableCommand command) {
        requireNotArchived();
        if (variables.containsKey(command.name())) {
            apply(new WorkspaceVariableRemovedEvent(workspaceId, organizationId, command.name()));
        }
    }

    void lock(LockWorkspaceCommand command) {
        requireNotArchived();
        String reason = WorkspaceRules.lockReason(command.reason());
        requireNotLockedByOther(command.actorId(), "lock it");
        if (lockedBy == null) {
            apply(new WorkspaceLockedEvent(workspaceId, organizationId, command.actorId(), reason));
        }
    }

    /** Unlocks; someone else's lock only when {@code mayBreakLocks} (the caller holds {@code workspaces:unlock}). */
    void unlock(UnlockWorkspaceCommand command, boolean mayBreakLocks) {
        String reason = WorkspaceRules.unlockReason(command.reason());
        if (lockedBy == null) {
            return;
        }
        if (!lockedBy.equals(command.actorId()) && !mayBreakLocks) {
            throw new DomainException(WorkspaceErrorCode.NOT_LOCK_HOLDER, "The workspace is locked by " + lockedBy
                    + "; only they, or a holder of workspaces:unlock, can unlock it");
        }
        apply(new WorkspaceUnlockedEvent(workspaceId, organizationId, command.actorId(), lockedBy, reason));
    }

    /** Archives the workspace, unless it is locked; answers whether it was archived by this command. */
    boolean archive(ArchiveWorkspaceCommand command) {
        if (archived) {
            return false;
        }
        if (lockedBy != null) {
            throw locked("unlock it before archiving");
        }
        apply(new WorkspaceArchivedEvent(workspaceId, organizationId, projectId, name));
        return true;
    }

    void recordRun(RecordRunCommand command) {
        requireNotArchived();
        String operation = RunRules.operation(command.operation());
        if (RunRules.changesResources(operation)) {
            requireNotLockedByOther(command.triggeredBy(), operation + " on it");
        }
        apply(runs.record(command, projectId, settings.autoApply()));
    }

    /** Moves a run on; a report of its current status again stores nothing. */
    void updateRun(UpdateRunCommand command) {
        RunStatusChangedEvent changed = runs.update(command);
        if (changed != null) {
            apply(changed);
        }
    }

    void recordDriftCheck(RecordDriftCheckCommand command) {
        requireNotArchived();
        apply(DriftRules.recorded(command, projectId));
    }

    /** Refuses unless the workspace takes changes: not archived. */
    private void requireNotArchived() {
        if (archived) {
            throw new DomainException(WorkspaceErrorCode.WORKSPACE_ARCHIVED,
                    "The workspace '" + name + "' is archived and changes no more");
        }
    }

    /** Refuses when someone but {@code actorId} holds the lock; {@code toDo} says what they cannot do. */
    private void requireNotLockedByOther(String actorId, String toDo) {
        if (lockedBy != null && !lockedBy.equals(actorId)) {
            throw locked("only they can " + toDo + " until it is unlocked");
        }
    }

    String name() {
        return name;
    }

    String projectId() {
        return projectId;
    }

    private DomainException locked(String consequence) {
        return new DomainException(WorkspaceErrorCode.WORKSPACE_LOCKED,
                "The workspace is locked by " + lockedBy + " (" + lockReason + "); " + consequence);
    }

    @EventSourcingHandler
    void on(WorkspaceCreatedEvent event) {
        workspaceId = event.workspaceId();
        organizationId = event.organizationId();
        projectId = event.projectId();
        name = event.name();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(WorkspaceSettingsChangedEvent event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(WorkspaceVariableSetEvent event) {
        variables.put(event.name(), event.sensitive() ? "credential:" + event.credentialId() : "value:" + event.value());
    }

    @EventSourcingHandler
    void on(WorkspaceVariableRemovedEvent event) {
        variables.remove(event.name());
    }

    @EventSourcingHandler
    void on(WorkspaceLockedEvent event) {
        lockedBy = event.lockedBy();
        lockReason = event.reason();
    }

    @EventSourcingHandler
    void on(WorkspaceUnlockedEvent event) {
        lockedBy = null;
        lockReason = null;
    }

    @EventSourcingHandler
    void on(WorkspaceArchivedEvent event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(RunRecordedEvent event) {
        runs.on(event);
    }

    @EventSourcingHandler
    void on(RunStatusChangedEvent event) {
        runs.on(event);
    }
}
