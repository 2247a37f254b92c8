package dev.warden.command.infrastructure;

import static dev.warden.command.infrastructure.ProjectRules.NAMES;

import dev.warden.command.support.AggregateLocks;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.infrastructure.ArchiveProjectCommand;
import dev.warden.events.infrastructure.CreateProjectCommand;
import dev.warden.events.infrastructure.DescribeProjectCommand;
import dev.warden.events.infrastructure.LabelProjectCommand;
import dev.warden.events.infrastructure.RenameProjectCommand;
import dev.warden.events.infrastructure.RestoreProjectCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A project's life: created with a name unique in its organization (ignoring case), renamed
 * (the old name freed), described, labelled, archived and restored. Archiving takes the lock that
 * creating a workspace in the project takes, so no workspace slips into a project being archived.
 */
@Component
class ProjectCommandHandler {

    private final Repository<Project> projects;
    private final UniqueNames names;
    private final AggregateLocks locks;

    ProjectCommandHandler(@Qualifier("projectRepository") Repository<Project> projects, UniqueNames names,
                          AggregateLocks locks) {
        this.projects = projects;
        this.names = names;
        this.locks = locks;
    }

    @CommandHandler
    void handle(CreateProjectCommand command) throws Exception {
        String name = ProjectRules.name(command.name());
        ProjectRules.description(command.description());
        ProjectRules.labels(command.labels());
        if (!names.claim(NAMES.scope(command.organizationId()), NAMES.key(name), command.projectId())) {
            throw NAMES.takenBy(name);
        }
        projects.newInstance(() -> new Project(command));
    }

    @CommandHandler
    void handle(RenameProjectCommand command) {
        String name = ProjectRules.name(command.name());
        Project.load(projects, command.projectId(), command.organizationId()).execute(project -> {
            project.requireActive();
            String scope = NAMES.scope(command.organizationId());
            String oldKey = NAMES.key(project.name());
            if (!NAMES.key(name).equals(oldKey)) {
                if (!names.claim(scope, NAMES.key(name), command.projectId())) {
                    throw NAMES.takenBy(name);
                }
                names.release(scope, oldKey, command.projectId());
            }
            project.rename(command);
        });
    }

    @CommandHandler
    void handle(DescribeProjectCommand command) {
        Project.load(projects, command.projectId(), command.organizationId()).execute(p -> p.describe(command));
    }

    @CommandHandler
    void handle(LabelProjectCommand command) {
        Project.load(projects, command.projectId(), command.organizationId()).execute(p -> p.label(command));
    }

    @CommandHandler
    void handle(ArchiveProjectCommand command) {
        locks.lockUntilCommit(command.projectId());
        Project.load(projects, command.projectId(), command.organizationId()).execute(p -> p.archive(command));
    }

    @CommandHandler
    void handle(RestoreProjectCommand command) {
        Project.load(projects, command.projectId(), command.organizationId()).execute(p -> p.restore(command));
    }
}
