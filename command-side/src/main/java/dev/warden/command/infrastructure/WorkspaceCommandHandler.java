package dev.warden.command.infrastructure;

import static dev.warden.command.infrastructure.WorkspaceRules.NAMES;

import dev.warden.command.support.AggregateLocks;
import dev.warden.command.support.RequestContext;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.infrastructure.ArchiveWorkspaceCommand;
import dev.warden.events.infrastructure.ChangeWorkspaceSettingsCommand;
import dev.warden.events.infrastructure.CreateWorkspaceCommand;
import dev.warden.events.infrastructure.LockWorkspaceCommand;
import dev.warden.events.infrastructure.RemoveWorkspaceVariableCommand;
import dev.warden.events.infrastructure.SetWorkspaceVariableCommand;
import dev.warden.events.infrastructure.WorkspaceErrorCode;
import dev.warden.events.infrastructure.UnlockWorkspaceCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A workspace's life: created in an active project of the same organization with a name unique in
 * the project (ignoring case), its settings and variables changed, locked and unlocked, archived
 * (its name freed). Breaking someone else's lock needs {@code workspaces:unlock}.
 */
@Component
class WorkspaceCommandHandler {

    /** What lets a caller unlock a workspace someone else locked. */
    static final String BREAK_LOCKS = "workspaces:unlock";

    private final Repository<Workspace> workspaces;
    private final Repository<Project> projects;
    private final UniqueNames names;
    private final AggregateLocks locks;
    private final CredentialReferences credentials;

    WorkspaceCommandHandler(@Qualifier("workspaceRepository") Repository<Workspace> workspaces,
                            @Qualifier("projectRepository") Repository<Project> projects, UniqueNames names,
                            AggregateLocks locks, CredentialReferences credentials) {
        this.workspaces = workspaces;
        this.projects = projects;
        this.names = names;
        this.locks = locks;
        this.credentials = credentials;
    }

    @CommandHandler
    void handle(CreateWorkspaceCommand command) throws Exception {
        String name = WorkspaceRules.name(command.name());
        WorkspaceRules.settings(command.settings());
        locks.lockUntilCommit(command.projectId());
        Project.load(projects, command.projectId(), command.organizationId()).execute(Project::requireActive);
        if (!names.claim(NAMES.scope(command.projectId()), NAMES.key(name), command.workspaceId())) {
            throw NAMES.takenBy(name);
        }
        workspaces.newInstance(() -> new Workspace(command));
    }

    @CommandHandler
    void handle(ChangeWorkspaceSettingsCommand command) {
        load(command.workspaceId(), command.organizationId()).execute(w -> w.changeSettings(command));
    }

    @CommandHandler
    void handle(SetWorkspaceVariableCommand command) {
        if (command.sensitive() && IdKind.CREDENTIAL.matches(command.credentialId())
                && !credentials.usable(command.organizationId(), command.credentialId())) {
            throw new DomainException(WorkspaceErrorCode.INVALID_VARIABLE, "The organization has no credential "
                    + command.credentialId() + " whose secret can be used (missing, or erased)");
        }
        load(command.workspaceId(), command.organizationId()).execute(w -> w.setVariable(command));
    }

    @CommandHandler
    void handle(RemoveWorkspaceVariableCommand command) {
        load(command.workspaceId(), command.organizationId()).execute(w -> w.removeVariable(command));
    }

    @CommandHandler
    void handle(LockWorkspaceCommand command) {
        load(command.workspaceId(), command.organizationId()).execute(w -> w.lock(command));
    }

    @CommandHandler
    void handle(UnlockWorkspaceCommand command) {
        load(command.workspaceId(), command.organizationId()).execute(w -> w.unlock(command, mayBreakLocks()));
    }

    @CommandHandler
    void handle(ArchiveWorkspaceCommand command) {
        load(command.workspaceId(), command.organizationId()).execute(w -> {
            if (w.archive(command)) {
                names.release(NAMES.scope(w.projectId()), NAMES.key(w.name()), command.workspaceId());
            }
        });
    }

    private org.axonframework.modelling.command.Aggregate<Workspace> load(String workspaceId, String organizationId) {
        return Workspace.load(workspaces, workspaceId, organizationId);
    }

    /** Whether the current actor may break locks: holds the permission, or is the service itself. */
    private static boolean mayBreakLocks() {
        RequestContext context = RequestContext.current();
        Set<String> held = context == null ? null : context.permissions();
        return held == null || held.contains(BREAK_LOCKS);
    }
}
