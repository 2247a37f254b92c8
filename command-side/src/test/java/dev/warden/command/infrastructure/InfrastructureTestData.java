package dev.warden.command.infrastructure;

import static dev.warden.command.access.AccessTestData.id;

import dev.warden.command.support.AggregateLocks;
import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.RecordingAggregateLocks;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.infrastructure.ProjectCreatedEvent;
import dev.warden.events.infrastructure.WorkspaceCreatedEvent;
import dev.warden.events.infrastructure.WorkspaceSettings;
import dev.warden.events.shared.IdKind;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** Sample projects and workspaces for the infrastructure fixture tests, and the handlers under test. */
final class InfrastructureTestData {

    static final String ORGANIZATION_ID = id(IdKind.ORGANIZATION, "acme");
    static final String OTHER_ORGANIZATION_ID = id(IdKind.ORGANIZATION, "globex");
    static final String PROJECT_ID = id(IdKind.PROJECT, "platform");
    static final String OTHER_PROJECT_ID = id(IdKind.PROJECT, "billing");
    static final String WORKSPACE_ID = id(IdKind.WORKSPACE, "network");
    static final String OTHER_WORKSPACE_ID = id(IdKind.WORKSPACE, "database");
    static final String RUN_ID = id(IdKind.RUN, "first");
    static final String OTHER_RUN_ID = id(IdKind.RUN, "second");
    static final String CHECK_ID = id(IdKind.DRIFT_CHECK, "nightly");
    static final String CREDENTIAL_ID = id(IdKind.CREDENTIAL, "aws");
    static final String ALICE = id(IdKind.USER, "alice");
    static final String BOB = id(IdKind.USER, "bob");
    static final String RUNNER = id(IdKind.API_KEY, "runner");

    static final String PROJECT_NAME = "Platform";
    static final String WORKSPACE_NAME = "network-prod";
    static final WorkspaceSettings SETTINGS = new WorkspaceSettings("production", "1.9.8", "stacks/network",
            "https://github.com/acme/infra", "main", false);
    static final WorkspaceSettings AUTO_APPLY = new WorkspaceSettings("production", "1.9.8", "stacks/network",
            "https://github.com/acme/infra", "main", true);

    private InfrastructureTestData() {
    }

    /** The handlers of projects, workspaces, runs and drift checks on these repositories. */
    static List<Object> handlers(Repository<Project> projects, Repository<Workspace> workspaces, UniqueNames names,
                                 AggregateLocks locks) {
        return List.of(new ProjectCommandHandler(projects, names, locks),
                new WorkspaceCommandHandler(workspaces, projects, names, locks, InfrastructureTestData::credentialUsable),
                new RunAndDriftCommandHandler(workspaces));
    }

    /** A fixture of workspaces whose handlers find no project (for commands that need none). */
    static AggregateTestFixture<Workspace> workspaceFixture() {
        AggregateTestFixture<Workspace> fixture = new AggregateTestFixture<>(Workspace.class);
        handlers(new EventSourcedAggregates<>(Project.class).repository(), fixture.getRepository(),
                new InMemoryUniqueNames(), new RecordingAggregateLocks())
                .forEach(fixture::registerAnnotatedCommandHandler);
        return fixture;
    }

    /** The credentials the fixtures know: only {@link #CREDENTIAL_ID}, of {@link #ORGANIZATION_ID}. */
    static boolean credentialUsable(String organizationId, String credentialId) {
        return ORGANIZATION_ID.equals(organizationId) && CREDENTIAL_ID.equals(credentialId);
    }

    static ProjectCreatedEvent projectCreated() {
        return new ProjectCreatedEvent(PROJECT_ID, ORGANIZATION_ID, PROJECT_NAME, "Shared platform",
                Map.of("team", "platform"));
    }

    static WorkspaceCreatedEvent workspaceCreated() {
        return workspaceCreated(SETTINGS);
    }

    static WorkspaceCreatedEvent workspaceCreated(WorkspaceSettings settings) {
        return new WorkspaceCreatedEvent(WORKSPACE_ID, ORGANIZATION_ID, PROJECT_ID, WORKSPACE_NAME, settings);
    }
}
