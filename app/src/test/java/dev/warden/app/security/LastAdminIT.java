package dev.warden.app.security;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An organization always keeps an Admin: the last one cannot be removed, demoted or lose the role. */
@WardenTest
class LastAdminIT {

    @LocalServerPort
    int port;

    @Test
    void theLastAdminStaysAndASecondAdminMakesChangesPossible() {
        Api root = Api.admin(port);
        Api.Response org = Fixtures.organization(root);
        String orgId = org.id();
        String base = "/api/orgs/" + orgId;
        String rootId = root.get("/api/me").json().get("id").asString();
        String adminRole = Fixtures.systemRole(root, orgId, org.position(), "Admin");
        String viewerRole = Fixtures.systemRole(root, orgId, org.position(), "Viewer");

        assertProblem(root.delete(base + "/members/" + rootId), 422, "LAST_ADMIN");
        assertProblem(root.put(base + "/members/" + rootId + "/role", Json.object("roleId", viewerRole)), 422,
                "LAST_ADMIN");
        assertProblem(root.delete(base + "/members/" + rootId + "/roles/" + adminRole), 422, "LAST_ADMIN");
        assertThat(SecurityFixtures.roleIds(root, orgId, rootId, 0)).containsExactly(adminRole);
        // Assigning a further role and keeping Admin is fine.
        assertThat(root.put(base + "/members/" + rootId + "/role", Json.object("roleId", adminRole)).status())
                .isEqualTo(200);

        Fixtures.SignedIn second = SecurityFixtures.member(root, orgId, "Admin");
        Api.Response unassigned = root.delete(base + "/members/" + rootId + "/roles/" + adminRole);
        assertThat(unassigned.status()).as(unassigned.body()).isEqualTo(200);
        assertThat(SecurityFixtures.roleIds(second.api(), orgId, rootId, unassigned.position()))
                .doesNotContain(adminRole);
        assertProblem(root.get(base + "/members"), 403, "PERMISSION_DENIED");

        // Now the second is the last Admin.
        assertProblem(second.api().delete(base + "/members/" + second.userId()), 422, "LAST_ADMIN");
        assertProblem(second.api().put(base + "/members/" + second.userId() + "/role",
                Json.object("roleId", viewerRole)), 422, "LAST_ADMIN");
        assertProblem(second.api().delete(base + "/members/" + second.userId() + "/roles/" + adminRole), 422,
                "LAST_ADMIN");

        // With two Admins again, one may be demoted and the other removed.
        assertThat(second.api().put(base + "/members/" + rootId + "/role", Json.object("roleId", adminRole))
                .status()).isEqualTo(200);
        Api.Response demoted = root.put(base + "/members/" + second.userId() + "/role",
                Json.object("roleId", viewerRole));
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
        assertThat(SecurityFixtures.roleIds(root, orgId, second.userId(), demoted.position()))
                .containsExactly(viewerRole);
        assertThat(second.api().put(base + "/members/" + second.userId() + "/role",
                Json.object("roleId", adminRole)).status()).isEqualTo(403);
        assertThat(root.put(base + "/members/" + second.userId() + "/role", Json.object("roleId", adminRole))
                .status()).isEqualTo(200);
        Api.Response removed = second.api().delete(base + "/members/" + rootId);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertProblem(root.get(base), 404, "ORGANIZATION_NOT_FOUND");
        assertProblem(second.api().delete(base + "/members/" + second.userId()), 422, "LAST_ADMIN");
    }
}
