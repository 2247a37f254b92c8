package dev.warden.command.infrastructure;

import dev.warden.events.infrastructure.RecordDriftCheckCommand;
import dev.warden.events.infrastructure.RecordRunCommand;
import dev.warden.events.infrastructure.UpdateRunCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What runners and checkers report about a workspace of the organization: Terraform runs and their
 * progress, and drift checks. The workspace decides ({@link Workspace#recordRun}, {@link WorkspaceRuns}).
 */
@Component
class RunAndDriftCommandHandler {

    private final Repository<Workspace> workspaces;

    RunAndDriftCommandHandler(@Qualifier("workspaceRepository") Repository<Workspace> workspaces) {
        this.workspaces = workspaces;
    }

    @CommandHandler
    void handle(RecordRunCommand command) {
        Workspace.load(workspaces, command.workspaceId(), command.organizationId()).execute(w -> w.recordRun(command));
    }

    @CommandHandler
    void handle(UpdateRunCommand command) {
        Workspace.load(workspaces, command.workspaceId(), command.organizationId()).execute(w -> w.updateRun(command));
    }

    @CommandHandler
    void handle(RecordDriftCheckCommand command) {
        Workspace.load(workspaces, command.workspaceId(), command.organizationId())
                .execute(w -> w.recordDriftCheck(command));
    }
}
