package dev.warden.command.infrastructure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.command.support.Aggregates;
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
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.Map;
import java.util.SortedMap;
import java.util.HashMap;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A project of an organization: a name unique in it (the handler claims it), a description and
 * labels. An archived project refuses every change but a restore. Another organization's project
 * answers as missing. Changing something to what it is already stores nothing.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class Project {

    @AggregateIdentifier
    private String projectId;
    private String organizationId;
    private String name;
    private String description;
    private Map<String, String> labels = new HashMap<>();
    private boolean archived;

    protected Project() {
    }

    /** Creates the project; the caller has claimed the name. */
    Project(CreateProjectCommand command) {
        apply(new ProjectCreatedEvent(command.projectId(), command.organizationId(), ProjectRules.name(command.name()),
                ProjectRules.description(command.description()), ProjectRules.labels(command.labels())));
    }

    /** The project {@code projectId} of {@code organizationId}; another organization's looks missing. */
    static org.axonframework.modelling.command.Aggregate<Project> load(Repository<Project> projects,
                                                                       String projectId, String organizationId) {
        org.axonframework.modelling.command.Aggregate<Project> project = Aggregates.load(projects, projectId);
        project.execute(p -> p.requireIn(organizationId));
        return project;
    }

    /** Renames the project; the caller has claimed the new name. */
    void rename(RenameProjectCommand command) {
        requireActive();
        String newName = ProjectRules.name(command.name());
        if (!newName.equals(name)) {
            apply(new ProjectRenamedEvent(projectId, organizationId, newName, name));
        }
    }

    void describe(DescribeProjectCommand command) {
        requireActive();
        String newDescription = ProjectRules.description(command.description());
        if (!newDescription.equals(description)) {
            apply(new ProjectDescribedEvent(projectId, organizationId, newDescription));
        }
    }

    void label(LabelProjectCommand command) {
        requireActive();
        SortedMap<String, String> newLabels = ProjectRules.labels(command.labels());
        if (!newLabels.equals(labels)) {
            apply(new ProjectLabelledEvent(projectId, organizationId, newLabels));
        }
    }

    void archive(ArchiveProjectCommand command) {
        if (!archived) {
            apply(new ProjectArchivedEvent(projectId, organizationId, name));
        }
    }

    void restore(RestoreProjectCommand command) {
        if (archived) {
            apply(new ProjectRestoredEvent(projectId, organizationId, name));
        }
    }

    /** Refuses when the project is archived: it takes no changes and no new workspaces. */
    void requireActive() {
        if (archived) {
            throw new DomainException(ProjectErrorCode.PROJECT_ARCHIVED,
                    "The project '" + name + "' is archived; restore it first");
        }
    }

    String name() {
        return name;
    }

    private void requireIn(String organization) {
        if (!organizationId.equals(organization)) {
            throw IdKind.PROJECT.notFound(projectId);
        }
    }

    @EventSourcingHandler
    void on(ProjectCreatedEvent event) {
        projectId = event.projectId();
        organizationId = event.organizationId();
        name = event.name();
        description = event.description();
        labels = new HashMap<>(event.labels());
    }

    @EventSourcingHandler
    void on(ProjectRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ProjectDescribedEvent event) {
        description = event.description();
    }

    @EventSourcingHandler
    void on(ProjectLabelledEvent event) {
        labels = new HashMap<>(event.labels());
    }

    @EventSourcingHandler
    void on(ProjectArchivedEvent event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(ProjectRestoredEvent event) {
        archived = false;
    }
}
