package dev.warden.app.infrastructure;

import static dev.warden.app.infrastructure.InfrastructureClients.created;
import static dev.warden.app.infrastructure.InfrastructureClients.ok;
import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.credentials.CredentialFixtures;
import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The infrastructure API as a team walks through it: a project, a workspace with settings and
 * variables, a runner recording a plan and an apply, locks, drift checks, archiving, and the
 * activity feed naming each run by its operation. Reads pass the position of the write they follow.
 */
@WardenTest
class InfrastructureApiIT {

    @LocalServerPort
    int port;

    @Test
    void walksFromAProjectThroughRunsAndDriftToArchiving() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String base = "/api/orgs/" + orgId;

        String name = "Platform " + Fixtures.unique();
        Api.Response project = created(admin.post(base + "/projects", Json.object("name", name,
                "description", "Shared networking", "labels", Map.of("team", "core"))));
        String projectId = project.id();
        assertThat(projectId).startsWith("prj_");
        assertThat(project.header("Location")).isEqualTo(base + "/projects/" + projectId);
        ok(admin.put(base + "/projects/" + projectId + "/name", Json.object("name", name + " renamed")));
        ok(admin.put(base + "/projects/" + projectId + "/description", Json.object("description", "Networks")));
        Api.Response labelled = ok(admin.put(base + "/projects/" + projectId + "/labels",
                Json.object("labels", Map.of("team", "core", "tier", "gold"))));
        JsonNode projectView = ok(admin.get(base + "/projects/" + projectId + "?minPosition=" + labelled.position()))
                .json();
        assertThat(projectView.get("name").asString()).isEqualTo(name + " renamed");
        assertThat(projectView.get("description").asString()).isEqualTo("Networks");
        assertThat(projectView.get("labels").toString()).isEqualTo("{\"team\":\"core\",\"tier\":\"gold\"}");
        assertThat(projectView.get("status").asString()).isEqualTo("active");
        assertThat(projectView.get("createdBy").asString()).startsWith("usr_");
        assertThat(items(admin.get(base + "/projects"))).extracting(p -> p.get("id").asString())
                .containsExactly(projectId);

        Api.Response workspace = created(admin.post(base + "/projects/" + projectId + "/workspaces", Json.object(
                "name", "network-prod", "environment", "production", "terraformVersion", "1.9.8",
                "workingDirectory", "stacks/network", "vcsRepository", "https://github.com/acme/infra",
                "vcsBranch", "main")));
        String workspaceId = workspace.id();
        String ws = base + "/workspaces/" + workspaceId;
        assertThat(workspace.header("Location")).isEqualTo(ws);
        ok(admin.put(ws + "/variables/region", Json.object("value", "eu-west-1")));
        String credentialId = CredentialFixtures.storeAws(admin, orgId).id();
        Api.Response secret = ok(admin.put(ws + "/variables/AWS_SECRET_ACCESS_KEY",
                Json.object("sensitive", true, "credentialId", credentialId)));
        JsonNode workspaceView = ok(admin.get(ws + "?minPosition=" + secret.position())).json();
        assertThat(workspaceView.get("projectId").asString()).isEqualTo(projectId);
        assertThat(workspaceView.get("environment").asString()).isEqualTo("production");
        assertThat(workspaceView.get("terraformVersion").asString()).isEqualTo("1.9.8");
        assertThat(workspaceView.get("vcsBranch").asString()).isEqualTo("main");
        assertThat(workspaceView.get("autoApply").asBoolean()).isFalse();
        assertThat(workspaceView.get("status").asString()).isEqualTo("active");
        assertThat(workspaceView.get("variables").toString()).isEqualTo("[{\"name\":\"AWS_SECRET_ACCESS_KEY\","
                + "\"value\":null,\"credentialId\":\"" + credentialId + "\",\"sensitive\":true},"
                + "{\"name\":\"region\",\"value\":\"eu-west-1\",\"credentialId\":null,\"sensitive\":false}]");
        assertThat(items(admin.get(base + "/projects/" + projectId + "/workspaces"))).hasSize(1);
        assertThat(items(admin.get(base + "/workspaces"))).extracting(w -> w.get("id").asString())
                .containsExactly(workspaceId);

        // A runner's key records a plan, then the apply it allows.
        Map.Entry<String, Api> runner = InfrastructureClients.key(admin, orgId, "workspaces:run", "workspaces:read",
                "drift:write");
        Api.Response plan = created(runner.getValue().post(ws + "/runs", Json.object("operation", "plan",
                "trigger", "vcs")));
        String planId = plan.id();
        assertThat(plan.header("Location")).isEqualTo(ws + "/runs/" + planId);
        ok(runner.getValue().post(ws + "/runs/" + planId + "/status", Json.object("status", "running")));
        ok(runner.getValue().post(ws + "/runs/" + planId + "/status", Json.object("status", "succeeded",
                "resources", Json.object("add", 3, "change", 1, "destroy", 0))));
        Api.Response apply = created(runner.getValue().post(ws + "/runs", Json.object("operation", "apply")));
        JsonNode planView = ok(runner.getValue().get(ws + "/runs/" + planId + "?minPosition=" + apply.position()))
                .json();
        assertThat(planView.get("status").asString()).isEqualTo("succeeded");
        assertThat(planView.get("trigger").asString()).isEqualTo("vcs");
        assertThat(planView.get("triggeredBy").asString()).isEqualTo(runner.getKey());
        assertThat(planView.get("resources").toString()).isEqualTo("{\"add\":3,\"change\":1,\"destroy\":0}");
        assertThat(planView.get("startedAt").isNull()).isFalse();
        assertThat(planView.get("finishedAt").isNull()).isFalse();
        List<JsonNode> runs = items(runner.getValue().get(ws + "/runs"));
        assertThat(runs).extracting(r -> r.get("operation").asString() + " " + r.get("status").asString()
                + " " + r.get("trigger").asString()).containsExactly("apply queued api", "plan succeeded vcs");

        // Locks: while the Admin holds it, the runner's next apply is refused; the holder unlocks.
        created(runner.getValue().post(ws + "/runs", Json.object("operation", "plan", "status", "succeeded")));
        ok(admin.post(ws + "/lock", Json.object("reason", "Migrating the VPC")));
        Api.Response refused = runner.getValue().post(ws + "/runs", Json.object("operation", "apply"));
        assertProblem(refused, 409, "WORKSPACE_LOCKED");
        assertThat(refused.json().get("detail").asString()).contains("Migrating the VPC");
        Api.Response unlocked = ok(admin.post(ws + "/unlock", Json.object("reason", "Done")));
        assertThat(ok(admin.get(ws + "?minPosition=" + unlocked.position())).json().get("status").asString())
                .isEqualTo("active");

        // Drift: a drifted check puts the workspace on the organization's drifted list; a clean one takes it off.
        Api.Response drifted = created(runner.getValue().post(ws + "/drift-checks", Json.object("status", "drifted",
                "resources", List.of(Json.object("address", "aws_s3_bucket.logs", "change", "update",
                        "attributes", List.of("tags.owner"))), "resourcesChecked", 12, "summary", "One bucket")));
        JsonNode afterDrift = ok(admin.get(ws + "?minPosition=" + drifted.position())).json();
        assertThat(afterDrift.get("driftStatus").asString()).isEqualTo("drifted");
        assertThat(afterDrift.get("driftCheckId").asString()).isEqualTo(drifted.id());
        assertThat(items(admin.get(base + "/drifted-workspaces"))).extracting(w -> w.get("id").asString())
                .containsExactly(workspaceId);
        JsonNode check = ok(admin.get(ws + "/drift-checks/" + drifted.id())).json();
        assertThat(check.get("resources").toString()).isEqualTo("[{\"address\":\"aws_s3_bucket.logs\","
                + "\"change\":\"update\",\"attributes\":[\"tags.owner\"]}]");
        assertThat(check.get("resourcesDrifted").asInt()).isEqualTo(1);
        Api.Response clean = created(admin.post(ws + "/drift-checks", Json.object("status", "no-drift",
                "trigger", "schedule")));
        assertThat(items(admin.get(base + "/drifted-workspaces?minPosition=" + clean.position()))).isEmpty();
        assertThat(items(admin.get(ws + "/drift-checks"))).extracting(c -> c.get("status").asString() + " "
                + c.get("trigger").asString()).containsExactly("no-drift schedule", "drifted api");

        // The activity feed names runs by operation and checks by status.
        List<JsonNode> activity = items(admin.get(base + "/activity?entity=" + workspaceId + "&limit=200"));
        assertThat(activity).filteredOn(a -> a.get("eventType").asString().startsWith("Run"))
                .extracting(a -> a.get("eventType").asString() + " " + a.get("subject").asString())
                .contains("RunRecordedEvent plan", "RunStatusChangedEvent plan", "RunRecordedEvent apply");
        assertThat(activity).filteredOn(a -> a.get("eventType").asString().equals("DriftCheckRecordedEvent"))
                .extracting(a -> a.get("subject").asString()).containsExactly("no-drift", "drifted");

        // Archiving: not while locked; an archived workspace takes no runs; an archived project no workspaces.
        ok(admin.post(ws + "/lock", Json.object("reason", "Last look")));
        assertProblem(admin.post(ws + "/archive", null), 409, "WORKSPACE_LOCKED");
        ok(admin.post(ws + "/unlock", null));
        Api.Response archived = ok(admin.post(ws + "/archive", null));
        assertThat(ok(admin.get(ws + "?minPosition=" + archived.position())).json().get("status").asString())
                .isEqualTo("archived");
        assertProblem(runner.getValue().post(ws + "/runs", Json.object("operation", "plan")), 409,
                "WORKSPACE_ARCHIVED");
        ok(admin.post(base + "/projects/" + projectId + "/archive", null));
        assertProblem(admin.post(base + "/projects/" + projectId + "/workspaces", Json.object("name", "late",
                "environment", "dev")), 409, "PROJECT_ARCHIVED");
        Api.Response restored = ok(admin.post(base + "/projects/" + projectId + "/restore", null));
        created(admin.post(base + "/projects/" + projectId + "/workspaces", Json.object("name", "network-prod",
                "environment", "production")));
        assertThat(ok(admin.get(base + "/projects/" + projectId + "?minPosition=" + restored.position())).json()
                .get("status").asString()).isEqualTo("active");
    }

    @Test
    void onlyTheLockHolderOrAHolderOfWorkspacesUnlockUnlocks() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String ws = InfrastructureClients.workspacePath(admin, orgId, false);
        Fixtures.SignedIn editor = InfrastructureClients.member(admin, orgId, "Editor");
        Fixtures.SignedIn manager = InfrastructureClients.member(admin, orgId, "Manager");

        Api.Response locked = ok(editor.api().post(ws + "/lock", Json.object("reason", "Editing")));
        assertProblem(manager.api().post(ws + "/lock", Json.object("reason", "Mine")), 409, "WORKSPACE_LOCKED");
        Api.Response notHolder = manager.api().post(ws + "/unlock", null);
        assertProblem(notHolder, 403, "NOT_LOCK_HOLDER");
        assertThat(notHolder.json().get("detail").asString()).contains(editor.userId());
        JsonNode view = ok(admin.get(ws + "?minPosition=" + locked.position())).json();
        assertThat(view.get("lockedBy").asString()).isEqualTo(editor.userId());
        assertThat(view.get("lockReason").asString()).isEqualTo("Editing");

        Api.Response broken = ok(admin.post(ws + "/unlock", Json.object("reason", "Editor is away")));
        List<JsonNode> audit = items(admin.get("/api/orgs/" + orgId + "/audit?eventType=WorkspaceUnlockedEvent"
                + "&minPosition=" + broken.position()));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("payload").get("lockedBy").asString()).isEqualTo(editor.userId());
        assertThat(audit.get(0).get("payload").get("unlockedBy").asString()).isEqualTo(audit.get(0).get("actorId")
                .asString());
    }

    @Test
    void autoApplyNeedsNoPlanAndAUserMayRecordRuns() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String auto = InfrastructureClients.workspacePath(admin, orgId, true);
        Fixtures.SignedIn editor = InfrastructureClients.member(admin, orgId, "Editor");

        Api.Response run = created(editor.api().post(auto + "/runs", Json.object("operation", "apply")));
        JsonNode view = ok(editor.api().get(auto + "/runs/" + run.id() + "?minPosition=" + run.position())).json();
        assertThat(view.get("trigger").asString()).isEqualTo("manual");
        assertThat(view.get("triggeredBy").asString()).isEqualTo(editor.userId());
        assertThat(view.get("status").asString()).isEqualTo("queued");
        assertThat(view.get("resources").isNull()).isTrue();
    }
}
