package dev.warden.app.access;

import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Fixtures.strings;
import static dev.warden.app.support.Fixtures.unique;
import static dev.warden.app.support.Problems.assertInvalid;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every way the access API refuses a request: the status, a problem+json body and its {@code code},
 * and that a refused command stores nothing (the organization's audit trail does not move).
 */
@WardenTest
class AccessErrorsApiIT {

    @LocalServerPort
    int port;

    @Test
    void refusesInvalidRoleInputNamingTheField() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        Api.Response role = Fixtures.role(api, orgId, "Valid " + unique());
        String roles = "/api/orgs/" + orgId + "/roles";
        String rolePath = roles + "/" + role.id();

        assertInvalid(api.post(roles, Json.object("name", "   ")), "INVALID_INPUT", "name");
        assertInvalid(api.post(roles, Json.object()), "INVALID_INPUT", "name");
        assertInvalid(api.post(roles, Json.object("name", "n".repeat(65))), "INVALID_INPUT", "name");
        assertInvalid(api.post(roles, Json.object("name", "Long description", "description", "d".repeat(501))),
                "INVALID_INPUT", "description");
        assertInvalid(api.put(rolePath, Json.object("name", "")), "INVALID_INPUT", "name");
        assertInvalid(api.put(rolePath, Json.object("name", "Fine", "expectedVersion", -1)), "INVALID_INPUT",
                "expectedVersion");
        assertInvalid(api.delete(rolePath + "?expectedVersion=-1"), "INVALID_INPUT", "expectedVersion");
        assertInvalid(api.delete(rolePath + "?expectedVersion=latest"), "INVALID_INPUT", "expectedVersion");
        Api.Response blankPermission = api.post(roles, Json.object("name", "Blank permission",
                "permissions", List.of(" ")));
        assertProblem(blankPermission, 400, "INVALID_INPUT");
        assertThat(blankPermission.json().path("errors").path(0).path("field").asString()).startsWith("permissions");
        assertProblem(api.post(roles, Json.object("name", "Bell\u0007")), 400, "INVALID_ROLE_NAME");

        assertThat(Fixtures.newestAuditPosition(api, orgId, role.position()))
                .as("nothing stored for a refused command").isEqualTo(role.position());
    }

    @Test
    void unknownOrganizationIsNotFoundWhateverTheShapeOfItsId() {
        Api api = Api.admin(port);
        Api.Response known = Fixtures.organization(api);
        String userId = Fixtures.user(api, known.id()).id();
        String roleId = Fixtures.role(api, known.id(), "Elsewhere " + unique()).id();

        for (String orgId : List.of(IdKind.ORGANIZATION.next(), "nope", "org_tooShort", IdKind.USER.next())) {
            String base = "/api/orgs/" + orgId;
            for (String path : List.of(base, base + "/roles", base + "/roles/" + roleId, base + "/permissions",
                    base + "/members", base + "/members/" + userId, base + "/audit")) {
                assertProblem(api.get(path + "?minPosition=" + known.position()), 404, "ORGANIZATION_NOT_FOUND");
            }
            assertProblem(api.post(base + "/roles", Json.object("name", "Orphan")), 404, "ORGANIZATION_NOT_FOUND");
            assertProblem(api.post(base + "/invitations", Json.object("userId", userId)), 404,
                    "ORGANIZATION_NOT_FOUND");
        }
    }

    @Test
    void anotherOrganizationsRoleIsIndistinguishableFromAnUnknownOne() {
        Api api = Api.admin(port);
        String owner = Fixtures.organization(api).id();
        Api.Response foreignRole = api.post("/api/orgs/" + owner + "/roles",
                Json.object("name", "Foreign " + unique(), "permissions", List.of("projects:read")));
        assertThat(foreignRole.status()).isEqualTo(201);
        String foreign = foreignRole.id();
        Api.Response caller = Fixtures.organization(api);
        String orgId = caller.id();
        Api.Response member = Fixtures.user(api, orgId);
        String userId = member.id();
        String base = "/api/orgs/" + orgId;

        List<Function<String, Api.Response>> operations = List.of(
                id -> api.get(base + "/roles/" + id + "?minPosition=" + member.position()),
                id -> api.put(base + "/roles/" + id, Json.object("name", "Taken over")),
                id -> api.put(base + "/roles/" + id, Json.object("name", "Taken over", "expectedVersion", 0)),
                id -> api.put(base + "/roles/" + id, Json.object("name", "Taken over", "expectedVersion", 7)),
                id -> api.delete(base + "/roles/" + id),
                id -> api.delete(base + "/roles/" + id + "?expectedVersion=7"),
                id -> api.put(base + "/roles/" + id + "/permissions/credentials:reveal", null),
                id -> api.delete(base + "/roles/" + id + "/permissions/projects:read"),
                id -> api.put(base + "/members/" + userId + "/roles/" + id, null));
        String unknown = IdKind.ROLE.next();
        for (Function<String, Api.Response> operation : operations) {
            Api.Response toForeign = operation.apply(foreign);
            Api.Response toUnknown = operation.apply(unknown);
            Api.Response toMalformed = operation.apply("role_42");
            assertProblem(toForeign, 404, "ROLE_NOT_FOUND");
            assertProblem(toUnknown, 404, "ROLE_NOT_FOUND");
            assertProblem(toMalformed, 404, "ROLE_NOT_FOUND");
            assertThat(withoutId(toForeign, foreign)).isEqualTo(withoutId(toUnknown, unknown))
                    .isEqualTo(withoutId(toMalformed, "role_42"));
        }
        Api.Response unassignForeign = api.delete(base + "/members/" + userId + "/roles/" + foreign);
        Api.Response unassignUnknown = api.delete(base + "/members/" + userId + "/roles/" + unknown);
        assertThat(unassignForeign.status()).isEqualTo(unassignUnknown.status()).isEqualTo(200);
        assertThat(unassignForeign.json().has("position")).isFalse();
        assertThat(unassignUnknown.json().has("position")).isFalse();

        JsonNode untouched = api.get("/api/orgs/" + owner + "/roles/" + foreign).json();
        assertThat(untouched.get("name").asString()).startsWith("Foreign ");
        assertThat(strings(untouched.get("permissions"))).containsExactly("projects:read");
        assertThat(untouched.get("version").asLong()).isZero();
        assertThat(Fixtures.newestAuditPosition(api, owner, foreignRole.position())).isEqualTo(foreignRole.position());
        assertThat(Fixtures.newestAuditPosition(api, orgId, member.position())).isEqualTo(member.position());
    }

    @Test
    void roleNamesConflictIgnoringCaseAndSystemRoleNames() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String name = "Night Shift " + unique();
        Fixtures.role(api, orgId, name);
        Api.Response other = Fixtures.role(api, orgId, "Day Shift " + unique());
        String roles = "/api/orgs/" + orgId + "/roles";

        for (String taken : List.of(name.toLowerCase(), name.toUpperCase(), "  " + name + "  ", "admin", "VIEWER",
                " Editor ")) {
            assertProblem(api.post(roles, Json.object("name", taken)), 409, "ROLE_NAME_TAKEN");
            assertProblem(api.put(roles + "/" + other.id(), Json.object("name", taken)), 409, "ROLE_NAME_TAKEN");
        }

        assertThat(api.get(roles + "/" + other.id()).json().get("name").asString()).startsWith("Day Shift ");
        assertThat(Fixtures.newestAuditPosition(api, orgId, other.position())).isEqualTo(other.position());
    }

    @Test
    void roleHeldByAMemberCannotBeDeleted() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String userId = Fixtures.user(api, orgId).id();
        String roleId = Fixtures.role(api, orgId, "Held " + unique()).id();
        String rolePath = "/api/orgs/" + orgId + "/roles/" + roleId;
        String assignmentPath = "/api/orgs/" + orgId + "/members/" + userId + "/roles/" + roleId;
        Api.Response assigned = api.put(assignmentPath, null);
        assertThat(assigned.status()).isEqualTo(200);

        assertProblem(api.delete(rolePath), 409, "ROLE_IN_USE");

        assertThat(Fixtures.newestAuditPosition(api, orgId, assigned.position())).isEqualTo(assigned.position());
        assertThat(api.get(rolePath).status()).isEqualTo(200);
        assertThat(api.delete(assignmentPath).status()).isEqualTo(200);
        Api.Response deleted = api.delete(rolePath);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.position()).isGreaterThan(assigned.position());
    }

    @Test
    void staleExpectedVersionIsAConflictAndChangesNothing() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String name = "Versioned " + unique();
        String roleId = Fixtures.role(api, orgId, name).id();
        String rolePath = "/api/orgs/" + orgId + "/roles/" + roleId;
        Api.Response granted = api.put(rolePath + "/permissions/tickets:read", null);
        assertThat(granted.status()).isEqualTo(200);
        String wanted = "Renamed " + unique();

        assertProblem(api.put(rolePath, Json.object("name", wanted, "expectedVersion", 0)), 409, "STALE_VERSION");
        assertProblem(api.put(rolePath, Json.object("name", wanted, "expectedVersion", 7)), 409, "STALE_VERSION");
        assertProblem(api.delete(rolePath + "?expectedVersion=0"), 409, "STALE_VERSION");

        assertThat(Fixtures.newestAuditPosition(api, orgId, granted.position())).isEqualTo(granted.position());
        JsonNode role = api.get(rolePath + "?minPosition=" + granted.position()).json();
        assertThat(role.get("name").asString()).isEqualTo(name);
        assertThat(role.get("version").asLong()).isEqualTo(1);
        assertProblem(api.post("/api/orgs/" + orgId + "/roles", Json.object("name", name)), 409,
                "ROLE_NAME_TAKEN");
        Fixtures.role(api, orgId, wanted);

        Api.Response renamed = api.put(rolePath, Json.object("name", name + " II", "expectedVersion", 1));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Api.Response deleted = api.delete(rolePath + "?expectedVersion=2");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    }

    @Test
    void unknownPermissionsAreRefused() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        Api.Response role = Fixtures.role(api, orgId, "Catalogued " + unique());
        String rolePath = "/api/orgs/" + orgId + "/roles/" + role.id();
        String name = "Half known " + unique();

        assertProblem(api.put(rolePath + "/permissions/projects:destroy", null), 422, "UNKNOWN_PERMISSION");
        assertProblem(api.put(rolePath + "/permissions/projects", null), 422, "UNKNOWN_PERMISSION");
        assertProblem(api.put(rolePath + "/permissions/AUDIT:READ", null), 422, "UNKNOWN_PERMISSION");
        assertProblem(api.post("/api/orgs/" + orgId + "/roles",
                Json.object("name", name, "permissions", List.of("audit:read", "nope:nope"))), 422,
                "UNKNOWN_PERMISSION");

        assertThat(Fixtures.newestAuditPosition(api, orgId, role.position())).isEqualTo(role.position());
        assertThat(api.get(rolePath).json().get("permissions")).isEmpty();
        Api.Response retried = api.post("/api/orgs/" + orgId + "/roles",
                Json.object("name", name, "permissions", List.of("audit:read")));
        assertThat(retried.status()).as("the refused create claimed no name: " + retried.body()).isEqualTo(201);
    }

    @Test
    void systemRolesCannotBeChanged() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String orgId = org.id();
        String admin = Fixtures.systemRole(api, orgId, org.position(), "Admin");
        String viewer = Fixtures.systemRole(api, orgId, org.position(), "Viewer");
        String roles = "/api/orgs/" + orgId + "/roles/";
        JsonNode before = api.get(roles + viewer).json();

        assertProblem(api.put(roles + viewer + "/permissions/audit:read", null), 422, "SYSTEM_ROLE_IMMUTABLE");
        assertProblem(api.delete(roles + admin + "/permissions/audit:read"), 422, "SYSTEM_ROLE_IMMUTABLE");
        assertProblem(api.put(roles + admin, Json.object("name", "Superuser " + unique())), 422,
                "SYSTEM_ROLE_IMMUTABLE");
        assertProblem(api.delete(roles + viewer), 422, "SYSTEM_ROLE_IMMUTABLE");

        assertThat(api.get(roles + viewer).json()).isEqualTo(before);
        assertThat(Fixtures.newestAuditPosition(api, orgId, org.position())).isEqualTo(org.position());
    }

    @Test
    void onlyMembersCanHoldRoles() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String outsider = Fixtures.user(api, Fixtures.organization(api).id()).id();
        Api.Response role = Fixtures.role(api, orgId, "Members only " + unique());
        String base = "/api/orgs/" + orgId + "/members/";

        assertProblem(api.put(base + outsider + "/roles/" + role.id(), null), 422, "NOT_A_MEMBER");
        assertProblem(api.put(base + IdKind.USER.next() + "/roles/" + role.id(), null), 422, "NOT_A_MEMBER");
        assertProblem(api.delete(base + outsider + "/roles/" + role.id()), 422, "NOT_A_MEMBER");
        assertProblem(api.put(base + "someone/roles/" + role.id(), null), 404, "USER_NOT_FOUND");

        assertThat(Fixtures.newestAuditPosition(api, orgId, role.position())).isEqualTo(role.position());
    }

    @Test
    void deletedRoleIsNotFoundAndFreesItsName() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String userId = Fixtures.user(api, orgId).id();
        String name = "Short-lived " + unique();
        String roleId = Fixtures.role(api, orgId, name).id();
        String rolePath = "/api/orgs/" + orgId + "/roles/" + roleId;
        Api.Response deleted = api.delete(rolePath);
        assertThat(deleted.status()).isEqualTo(200);

        assertProblem(api.delete(rolePath), 404, "ROLE_NOT_FOUND");
        assertProblem(api.put(rolePath, Json.object("name", "Revived")), 404, "ROLE_NOT_FOUND");
        assertProblem(api.put(rolePath + "/permissions/audit:read", null), 404, "ROLE_NOT_FOUND");
        assertProblem(api.put("/api/orgs/" + orgId + "/members/" + userId + "/roles/" + roleId, null), 404,
                "ROLE_NOT_FOUND");
        assertProblem(api.get(rolePath + "?minPosition=" + deleted.position()), 404, "ROLE_NOT_FOUND");
        assertThat(Fixtures.newestAuditPosition(api, orgId, deleted.position())).isEqualTo(deleted.position());

        Api.Response again = Fixtures.role(api, orgId, name);
        assertThat(again.id()).isNotEqualTo(roleId);
        assertThat(items(api.get("/api/orgs/" + orgId + "/roles?minPosition=" + again.position())))
                .extracting(r -> r.get("name").asString()).containsOnlyOnce(name);
    }

    /** What a client sees of a problem, with the id it asked about blanked out. */
    private static String withoutId(Api.Response response, String id) {
        JsonNode body = response.json();
        return response.status() + " " + body.path("type").asString() + " " + body.path("code").asString() + " "
                + body.path("title").asString() + " " + body.path("detail").asString().replace(id, "{id}");
    }
}
