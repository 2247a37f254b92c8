package dev.warden.app.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import java.util.List;
import java.util.Map;

/** What the infrastructure API tests share: members of a role, a runner's key, a project with a workspace. */
final class InfrastructureClients {

    private InfrastructureClients() {
    }

    /** A member of {@code orgId} holding only the system role {@code roleName}, signed in. */
    static Fixtures.SignedIn member(Api admin, String orgId, String roleName) {
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, orgId);
        String roleId = Fixtures.systemRole(admin, orgId, user.position(), roleName);
        Api.Response changed = admin.put("/api/orgs/" + orgId + "/members/" + user.userId() + "/role",
                Json.object("roleId", roleId));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return user;
    }

    /** A client with an API key of {@code orgId} scoped to {@code scopes}; its key id first. */
    static Map.Entry<String, Api> key(Api issuer, String orgId, String... scopes) {
        Api.Response issued = issuer.post("/api/orgs/" + orgId + "/api-keys",
                Json.object("name", "runner " + Fixtures.unique(), "scopes", List.of(scopes)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return Map.entry(issued.id(), issuer.anonymous().withToken(issued.json().get("secret").asString()));
    }

    /** Creates a project with a unique name; the response carries its id and position. */
    static Api.Response project(Api api, String orgId) {
        return created(api.post("/api/orgs/" + orgId + "/projects", Json.object("name", "Project " + Fixtures.unique())));
    }

    /** Creates a workspace in {@code projectId}, applying automatically when {@code autoApply}. */
    static Api.Response workspace(Api api, String orgId, String projectId, boolean autoApply) {
        return created(api.post("/api/orgs/" + orgId + "/projects/" + projectId + "/workspaces",
                Json.object("name", "ws-" + Fixtures.unique(), "environment", "dev", "autoApply", autoApply)));
    }

    /** The path of a new workspace in a new project of {@code orgId}. */
    static String workspacePath(Api api, String orgId, boolean autoApply) {
        String projectId = project(api, orgId).id();
        return "/api/orgs/" + orgId + "/workspaces/" + workspace(api, orgId, projectId, autoApply).id();
    }

    static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}
