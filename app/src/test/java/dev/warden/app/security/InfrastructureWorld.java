package dev.warden.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import java.util.List;
import java.util.Map;

/**
 * An organization's infrastructure for the tests that call every endpoint: a project, a workspace
 * with a queued run and a drifted check, and a second workspace to archive. It fills the path
 * variables of the infrastructure endpoints and gives their request bodies.
 */
record InfrastructureWorld(String projectId, String workspaceId, String disposableWorkspaceId, String runId,
                           String checkId) {

    static InfrastructureWorld create(Api admin, String orgId) {
        String base = "/api/orgs/" + orgId;
        String projectId = created(admin.post(base + "/projects", Json.object("name", "World " + Fixtures.unique())));
        String workspaces = base + "/projects/" + projectId + "/workspaces";
        String workspaceId = created(admin.post(workspaces, Json.object("name", "main", "environment", "dev")));
        String disposable = created(admin.post(workspaces, Json.object("name", "disposable", "environment", "dev")));
        String ws = base + "/workspaces/" + workspaceId;
        String runId = created(admin.post(ws + "/runs", Json.object("operation", "plan")));
        String checkId = created(admin.post(ws + "/drift-checks", Json.object("status", "drifted", "resources",
                List.of(Json.object("address", "null_resource.world", "change", "delete")))));
        return new InfrastructureWorld(projectId, workspaceId, disposable, runId, checkId);
    }

    /** {@code path} (the pattern of {@code endpoint}, other variables filled) with this world's ids. */
    String fill(String endpoint, String path) {
        String workspace = endpoint.endsWith("/workspaces/{workspaceId}/archive") ? disposableWorkspaceId : workspaceId;
        return path.replace("{projectId}", projectId)
                .replace("{workspaceId}", workspace)
                .replace("{runId}", runId)
                .replace("{checkId}", checkId)
                .replace("{variableName}", "region");
    }

    /** The ids of this world, which another organization must never see. */
    List<String> ids() {
        return List.of(projectId, workspaceId, disposableWorkspaceId, runId, checkId);
    }

    /** A valid body for an infrastructure endpoint ("METHOD /path/pattern"), or {@code null} when it is none. */
    static Map<String, Object> body(String endpoint, String word, String tag) {
        String prefix = " /api/orgs/{orgId}";
        int at = endpoint.indexOf(prefix);
        if (at < 0) {
            return null;
        }
        return switch (endpoint.substring(0, at) + " " + endpoint.substring(at + prefix.length())) {
            case "POST /projects" -> Json.object("name", word + " " + tag);
            case "PUT /projects/{projectId}/name" -> Json.object("name", "Renamed " + tag);
            case "PUT /projects/{projectId}/description" -> Json.object("description", word);
            case "PUT /projects/{projectId}/labels" -> Json.object("labels", Map.of("team", word));
            case "POST /projects/{projectId}/workspaces" -> Json.object("name", word + "-" + tag, "environment", "dev");
            case "PUT /workspaces/{workspaceId}/settings" -> Json.object("environment", "staging");
            case "PUT /workspaces/{workspaceId}/variables/{variableName}" -> Json.object("value", word);
            case "POST /workspaces/{workspaceId}/lock" -> Json.object("reason", word);
            case "POST /workspaces/{workspaceId}/runs" -> Json.object("operation", "plan");
            case "POST /workspaces/{workspaceId}/runs/{runId}/status" -> Json.object("status", "running");
            case "POST /workspaces/{workspaceId}/drift-checks" -> Json.object("status", "no-drift");
            default -> null;
        };
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.id();
    }
}
