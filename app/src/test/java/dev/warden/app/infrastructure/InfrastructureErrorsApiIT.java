package dev.warden.app.infrastructure;

import static dev.warden.app.infrastructure.InfrastructureClients.created;
import static dev.warden.app.infrastructure.InfrastructureClients.ok;
import static dev.warden.app.support.Problems.assertInvalid;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every way the infrastructure API refuses a request: the status, a problem+json body with its
 * {@code code}, and that a refused command stores nothing (the organization's audit trail does not
 * move).
 */
@WardenTest
class InfrastructureErrorsApiIT {

    @LocalServerPort
    int port;

    Api admin;
    String orgId;
    String base;
    String projectId;
    String workspaceId;
    String ws;
    long position;

    @BeforeEach
    void aProjectWithAWorkspace() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
        base = "/api/orgs/" + orgId;
        projectId = InfrastructureClients.project(admin, orgId).id();
        Api.Response workspace = InfrastructureClients.workspace(admin, orgId, projectId, false);
        workspaceId = workspace.id();
        ws = base + "/workspaces/" + workspaceId;
        position = workspace.position();
    }

    @Test
    void malformedInputIs400NamingTheFieldOrTheRule() {
        String projects = base + "/projects";
        assertInvalid(admin.post(projects, Json.object("name", " ")), "INVALID_INPUT", "name");
        assertInvalid(admin.post(projects, Json.object("name", "n".repeat(101))), "INVALID_INPUT", "name");
        assertProblem(admin.post(projects, Json.object("name", "Bell\u0007")), 400, "INVALID_PROJECT_NAME");
        assertProblem(admin.post(projects, Json.object("name", "Labelled", "labels", Map.of("Team", "x"))), 400,
                "INVALID_LABEL");
        assertInvalid(admin.put(projects + "/" + projectId + "/labels", Json.object()), "INVALID_INPUT", "labels");
        String workspaces = projects + "/" + projectId + "/workspaces";
        assertProblem(admin.post(workspaces, Json.object("name", "has space", "environment", "dev")), 400,
                "INVALID_WORKSPACE_NAME");
        assertInvalid(admin.post(workspaces, Json.object("name", "no-env")), "INVALID_INPUT", "environment");
        assertProblem(admin.post(workspaces, Json.object("name", "old-tf", "environment", "dev",
                "terraformVersion", "latest")), 400, "INVALID_WORKSPACE_SETTING");
        assertProblem(admin.put(ws + "/settings", Json.object("environment", "dev", "workingDirectory", "../etc")),
                400, "INVALID_WORKSPACE_SETTING");
        assertProblem(admin.put(ws + "/variables/password", Json.object("sensitive", true, "value", "hunter2")), 400,
                "INVALID_VARIABLE");
        assertProblem(admin.put(ws + "/variables/password", Json.object("sensitive", true)), 400, "INVALID_VARIABLE");
        assertProblem(admin.put(ws + "/variables/token", Json.object("credentialId", "cred_" + "b".repeat(21))), 400,
                "INVALID_VARIABLE");
        assertProblem(admin.put(ws + "/variables/1bad", Json.object("value", "x")), 400, "INVALID_VARIABLE");
        assertProblem(admin.post(ws + "/lock", Json.object("reason", " ")), 400, "INVALID_INPUT");
        assertProblem(admin.post(ws + "/runs", Json.object("operation", "import")), 400, "INVALID_RUN");
        assertProblem(admin.post(ws + "/runs", Json.object("operation", "plan",
                "resources", Json.object("add", -1, "change", 0, "destroy", 0))), 400, "INVALID_RUN");
        assertProblem(admin.post(ws + "/drift-checks", Json.object("status", "in_sync")), 400, "INVALID_DRIFT_CHECK");
        assertProblem(admin.post(ws + "/drift-checks", Json.object("status", "drifted")), 400, "INVALID_DRIFT_CHECK");
        // A drifted resource names attributes; a value has no field to go in.
        assertProblem(admin.post(ws + "/drift-checks", Json.object("status", "drifted", "resources",
                List.of(Json.object("address", "aws_iam_user.ci", "change", "update", "attributes", List.of("password"),
                        "value", "hunter2")))), 400, "MALFORMED_BODY");

        assertThat(Fixtures.newestAuditPosition(admin, orgId, position)).as("nothing stored").isEqualTo(position);
    }

    @Test
    void missingOrMalformedIdsAre404ByKind() {
        String missingProject = IdKind.PROJECT.next();
        String missingWorkspace = IdKind.WORKSPACE.next();
        String missingRun = IdKind.RUN.next();
        assertProblem(admin.get(base + "/projects/" + missingProject), 404, "PROJECT_NOT_FOUND");
        assertProblem(admin.get(base + "/projects/" + missingProject + "/workspaces"), 404, "PROJECT_NOT_FOUND");
        assertProblem(admin.put(base + "/projects/" + missingProject + "/name", Json.object("name", "x")), 404,
                "PROJECT_NOT_FOUND");
        assertProblem(admin.post(base + "/projects/not-a-project/archive", null), 404, "PROJECT_NOT_FOUND");
        assertProblem(admin.post(base + "/projects/" + missingProject + "/workspaces", Json.object("name", "x",
                "environment", "dev")), 404, "PROJECT_NOT_FOUND");
        assertProblem(admin.get(base + "/workspaces/" + missingWorkspace), 404, "WORKSPACE_NOT_FOUND");
        assertProblem(admin.get(base + "/workspaces/" + missingWorkspace + "/runs"), 404, "WORKSPACE_NOT_FOUND");
        assertProblem(admin.get(base + "/workspaces/" + missingWorkspace + "/drift-checks"), 404,
                "WORKSPACE_NOT_FOUND");
        assertProblem(admin.post(base + "/workspaces/" + missingWorkspace + "/lock", Json.object("reason", "x")), 404,
                "WORKSPACE_NOT_FOUND");
        assertProblem(admin.post(base + "/workspaces/wks_short/runs", Json.object("operation", "plan")), 404,
                "WORKSPACE_NOT_FOUND");
        assertProblem(admin.get(ws + "/runs/" + missingRun), 404, "RUN_NOT_FOUND");
        assertProblem(admin.post(ws + "/runs/" + missingRun + "/status", Json.object("status", "running")), 404,
                "RUN_NOT_FOUND");
        assertProblem(admin.get(ws + "/drift-checks/" + IdKind.DRIFT_CHECK.next()), 404, "DRIFT_CHECK_NOT_FOUND");
    }

    @Test
    void conflictsAre409() {
        String name = admin.get(base + "/projects/" + projectId + "?minPosition=" + position).json().get("name")
                .asString();
        assertProblem(admin.post(base + "/projects", Json.object("name", name.toUpperCase())), 409,
                "PROJECT_NAME_TAKEN");
        String other = InfrastructureClients.project(admin, orgId).id();
        assertProblem(admin.put(base + "/projects/" + other + "/name", Json.object("name", name)), 409,
                "PROJECT_NAME_TAKEN");
        created(admin.post(base + "/projects/" + projectId + "/workspaces",
                Json.object("name", "Shared", "environment", "dev")));
        assertProblem(admin.post(base + "/projects/" + projectId + "/workspaces",
                Json.object("name", "shared", "environment", "prod")), 409, "WORKSPACE_NAME_TAKEN");
        created(admin.post(base + "/projects/" + other + "/workspaces", Json.object("name", "shared",
                "environment", "prod")));

        ok(admin.post(base + "/projects/" + other + "/archive", null));
        assertProblem(admin.put(base + "/projects/" + other + "/description", Json.object("description", "x")), 409,
                "PROJECT_ARCHIVED");
        Api.Response locked = ok(admin.post(ws + "/lock", Json.object("reason", "Holding on")));
        Api.Response archive = admin.post(ws + "/archive", null);
        assertProblem(archive, 409, "WORKSPACE_LOCKED");
        assertThat(archive.json().get("detail").asString()).contains("Holding on");
        assertThat(Fixtures.newestAuditPosition(admin, orgId, locked.position())).isEqualTo(locked.position());
    }

    @Test
    void runRulesAre422AndRunnersNeedTheirPermission() {
        Api.Response refused = admin.post(ws + "/runs", Json.object("operation", "apply"));
        assertProblem(refused, 422, "PLAN_REQUIRED");
        Api.Response plan = created(admin.post(ws + "/runs", Json.object("operation", "plan")));
        Api.Response backwards = admin.post(ws + "/runs/" + plan.id() + "/status", Json.object("status", "succeeded"));
        assertProblem(backwards, 422, "RUN_TRANSITION_NOT_ALLOWED");
        assertThat(backwards.json().get("detail").asString()).contains("running or cancelled");

        Api readOnly = InfrastructureClients.key(admin, orgId, "workspaces:read").getValue();
        assertProblem(readOnly.post(ws + "/runs", Json.object("operation", "plan")), 403, "PERMISSION_DENIED");
        Fixtures.SignedIn viewer = Fixtures.signedInUser(admin, orgId);
        assertProblem(viewer.api().post(ws + "/lock", Json.object("reason", "x")), 403, "PERMISSION_DENIED");
        assertProblem(viewer.api().post(ws + "/drift-checks", Json.object("status", "no-drift")), 403,
                "PERMISSION_DENIED");
        assertThat(viewer.api().get(ws).status()).isEqualTo(200);
    }
}
