package dev.warden.app.access;

import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Fixtures.strings;
import static dev.warden.app.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.access.PermissionDefinition;
import dev.warden.events.access.Permissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The access API as a client walks through it: an organization, a user and a member, the catalogue
 * and the system roles, a custom role with its permissions, assignment, deletion and the audit trail.
 * Reads pass the position of the write they follow, so no read needs polling.
 */
@WardenTest
class AccessApiIT {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    @LocalServerPort
    int port;

    @Test
    void walksFromAnOrganizationToItsAuditTrail() {
        String requestId = "walk-" + unique();
        Api api = Api.admin(port).withHeader("X-Request-Id", requestId);
        String adminId = api.get("/api/me").json().get("id").asString();
        List<Long> positions = new ArrayList<>();

        Api.Response org = api.post("/api/orgs", Json.object("name", "Walk-through " + unique()));
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        String orgId = org.id();
        assertThat(orgId).startsWith("org_");
        assertThat(org.header("Location")).isEqualTo("/api/orgs/" + orgId);
        assertThat(org.positionHeader()).isEqualTo(Long.toString(org.position()));
        assertThat(org.header("X-Request-Id")).isEqualTo(requestId);
        positions.add(org.position());
        Api.Response orgRead = api.get(org.header("Location") + "?minPosition=" + org.position());
        assertThat(orgRead.status()).as(orgRead.body()).isEqualTo(200);
        assertThat(orgRead.json().get("id").asString()).isEqualTo(orgId);
        assertThat(orgRead.json().get("name").asString()).startsWith("Walk-through ");

        // A user another organization registered, added here: they join as a Viewer.
        String home = Fixtures.organization(Api.admin(port)).id();
        String email = "walker-" + unique() + "@example.com";
        Api.Response user = api.post("/api/orgs/" + home + "/users", Json.object("email", email,
                "displayName", "Wanda Walker", "password", Api.USER_PASSWORD));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        String userId = user.id();
        assertThat(userId).startsWith("usr_");
        assertThat(user.header("Location")).isEqualTo("/api/orgs/" + home + "/members/" + userId);
        JsonNode userRead = api.as(email).get("/api/me?minPosition=" + user.position()).json();
        assertThat(userRead.get("id").asString()).isEqualTo(userId);
        assertThat(userRead.get("email").asString()).isEqualTo(email);
        assertThat(userRead.get("displayName").asString()).isEqualTo("Wanda Walker");
        assertThat(userRead.get("status").asString()).isEqualTo("active");

        Api.Response member = Fixtures.member(api, orgId, new Fixtures.SignedIn(userId, email, user.position(),
                api.as(email)));
        String memberId = api.get("/api/orgs/" + orgId + "/members/" + userId + "?minPosition=" + member.position())
                .json().get("memberId").asString();
        assertThat(memberId).startsWith("mem_");
        positions.add(member.position());
        String viewer = Fixtures.systemRole(api, orgId, member.position(), "Viewer");
        String adminRole = Fixtures.systemRole(api, orgId, member.position(), "Admin");
        JsonNode memberRead = api.get("/api/orgs/" + orgId + "/members/" + userId + "?minPosition="
                + member.position()).json();
        assertThat(memberRead.get("memberId").asString()).isEqualTo(memberId);
        assertThat(memberRead.get("email").asString()).isEqualTo(email);
        assertThat(strings(memberRead.get("roleIds"))).as("a new member is a Viewer").containsExactly(viewer);

        List<JsonNode> catalogue = items(api.get("/api/orgs/" + orgId + "/permissions?minPosition="
                + member.position()));
        assertThat(catalogue).extracting(p -> p.get("name").asString())
                .contains("credentials:reveal", "audit:read", "admin:restore")
                .containsAll(Permissions.CATALOGUE.stream().map(PermissionDefinition::name).toList());
        assertThat(catalogue).allSatisfy(p -> assertThat(p.get("name").asString())
                .isEqualTo(p.get("resource").asString() + ":" + p.get("action").asString()));

        List<JsonNode> roles = items(api.get("/api/orgs/" + orgId + "/roles?minPosition=" + member.position()));
        List<JsonNode> system = roles.stream().filter(r -> r.get("system").asBoolean()).toList();
        assertThat(system).extracting(r -> r.get("name").asString())
                .containsExactlyInAnyOrder("Admin", "Manager", "Editor", "Viewer");
        assertThat(system).allSatisfy(r -> assertThat(r.get("organizationId").isNull()).isTrue());
        for (Permissions.DefaultRole defined : Permissions.DEFAULT_ROLES) {
            assertThat(permissionsOf(system, defined.name())).as(defined.name())
                    .containsExactlyInAnyOrderElementsOf(defined.permissions());
        }
        assertThat(permissionsOf(system, "Admin")).contains("credentials:reveal", "audit:read", "admin:restore");
        assertThat(permissionsOf(system, "Viewer")).contains("roles:read").doesNotContain("audit:read", "roles:write");
        assertThat(roles).as("a new organization has no custom roles").allSatisfy(r ->
                assertThat(r.get("system").asBoolean()).isTrue());

        String roleName = "Auditors " + unique();
        Api.Response created = api.post("/api/orgs/" + orgId + "/roles", Json.object("name", roleName,
                "description", "Reads the audit trail", "permissions", List.of("audit:read")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String roleId = created.id();
        String rolePath = "/api/orgs/" + orgId + "/roles/" + roleId;
        assertThat(roleId).startsWith("role_");
        assertThat(created.header("Location")).isEqualTo(rolePath);
        positions.add(created.position());
        JsonNode role = readRole(api, rolePath, created);
        assertThat(role.get("name").asString()).isEqualTo(roleName);
        assertThat(role.get("description").asString()).isEqualTo("Reads the audit trail");
        assertThat(role.get("organizationId").asString()).isEqualTo(orgId);
        assertThat(role.get("system").asBoolean()).isFalse();
        assertThat(role.get("version").asLong()).isZero();
        assertThat(strings(role.get("permissions"))).containsExactly("audit:read");

        Api.Response granted = api.put(rolePath + "/permissions/credentials:reveal", null);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.id()).isEqualTo(roleId);
        assertThat(granted.positionHeader()).isEqualTo(Long.toString(granted.position()));
        positions.add(granted.position());
        role = readRole(api, rolePath, granted);
        assertThat(strings(role.get("permissions"))).containsExactly("audit:read", "credentials:reveal");
        assertThat(role.get("version").asLong()).isEqualTo(1);

        Api.Response revoked = api.delete(rolePath + "/permissions/audit:read");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        positions.add(revoked.position());
        role = readRole(api, rolePath, revoked);
        assertThat(strings(role.get("permissions"))).containsExactly("credentials:reveal");
        assertThat(role.get("version").asLong()).isEqualTo(2);

        String keepers = "Secret keepers " + unique();
        Api.Response renamed = api.put(rolePath, Json.object("name", keepers));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        positions.add(renamed.position());
        role = readRole(api, rolePath, renamed);
        assertThat(role.get("name").asString()).isEqualTo(keepers);
        long version = role.get("version").asLong();
        assertThat(version).isEqualTo(3);

        Api.Response renamedAtVersion = api.put(rolePath, Json.object("name", keepers.toUpperCase(),
                "expectedVersion", version));
        assertThat(renamedAtVersion.status()).as(renamedAtVersion.body()).isEqualTo(200);
        positions.add(renamedAtVersion.position());
        role = readRole(api, rolePath, renamedAtVersion);
        assertThat(role.get("name").asString()).isEqualTo(keepers.toUpperCase());
        assertThat(role.get("version").asLong()).isEqualTo(4);

        String assignmentPath = "/api/orgs/" + orgId + "/members/" + userId + "/roles/" + roleId;
        Api.Response assigned = api.put(assignmentPath, null);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.id()).isEqualTo(roleId);
        positions.add(assigned.position());
        List<JsonNode> members = items(api.get("/api/orgs/" + orgId + "/members?minPosition=" + assigned.position()));
        assertThat(members).extracting(m -> m.get("userId").asString()).as("the creator and the new member")
                .containsExactlyInAnyOrder(adminId, userId);
        assertThat(strings(memberOf(members, userId).get("roleIds"))).containsExactlyInAnyOrder(viewer, roleId);
        assertThat(strings(memberOf(members, adminId).get("roleIds"))).as("the creator is the Admin")
                .containsExactly(adminRole);

        Api.Response unassigned = api.delete(assignmentPath);
        assertThat(unassigned.status()).as(unassigned.body()).isEqualTo(200);
        positions.add(unassigned.position());
        memberRead = api.get("/api/orgs/" + orgId + "/members/" + userId + "?minPosition=" + unassigned.position())
                .json();
        assertThat(strings(memberRead.get("roleIds"))).containsExactly(viewer);

        Api.Response deleted = api.delete(rolePath);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        positions.add(deleted.position());
        Api.Response gone = api.get(rolePath + "?minPosition=" + deleted.position());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.isProblem()).isTrue();
        assertThat(gone.code()).isEqualTo("ROLE_NOT_FOUND");
        assertThat(items(api.get("/api/orgs/" + orgId + "/roles"))).extracting(r -> r.get("id").asString())
                .doesNotContain(roleId);

        assertThat(positions).as("every command stored an event, in order").isSorted().doesNotHaveDuplicates();
        List<JsonNode> audit = items(api.get("/api/orgs/" + orgId + "/audit?minPosition=" + deleted.position()));
        assertThat(audit).extracting(e -> e.get("eventType").asString()).containsExactly(
                "RoleDeletedEvent", "RoleUnassignedEvent", "RoleAssignedEvent", "RoleRenamedEvent",
                "RoleRenamedEvent", "PermissionRevokedEvent", "PermissionGrantedEvent", "RoleCreatedEvent",
                "RoleAssignedEvent", "MemberAddedEvent", "InvitationAcceptedEvent", "MemberInvitedEvent",
                "RoleAssignedEvent", "MemberAddedEvent", "OrganizationCreatedEvent");
        List<Long> auditPositions = audit.stream().map(e -> e.get("position").asLong()).toList();
        assertThat(auditPositions).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        // Accepting an invitation (3 events) and creating the organization (3) answer the position of
        // their last event; the invitation itself (1) is not among the positions collected.
        List<Long> lastOfEachCommand = new ArrayList<>(auditPositions.subList(0, 9));
        lastOfEachCommand.add(auditPositions.get(12));
        assertThat(lastOfEachCommand).containsExactlyElementsOf(newestFirst(positions));
        assertThat(audit.get(8).get("payload").get("userId").asString()).isEqualTo(userId);
        assertThat(audit.get(8).get("payload").get("roleId").asString()).isEqualTo(viewer);
        assertThat(audit.get(9).get("payload").get("userId").asString()).isEqualTo(userId);
        assertThat(audit.get(10).get("payload").get("userId").asString()).isEqualTo(userId);
        assertThat(audit.get(11).get("payload").get("userId").asString()).isEqualTo(userId);
        assertThat(audit.get(12).get("payload").get("userId").asString()).isEqualTo(adminId);
        assertThat(audit.get(12).get("payload").get("roleId").asString()).isEqualTo(adminRole);
        assertThat(audit.get(13).get("payload").get("userId").asString()).isEqualTo(adminId);
        assertThat(audit.subList(8, 11)).as("the invitee accepted").allSatisfy(e ->
                assertThat(e.get("actorId").asString()).isEqualTo(userId));
        List<JsonNode> byAdmin = new ArrayList<>(audit.subList(0, 8));
        byAdmin.addAll(audit.subList(11, audit.size()));
        assertThat(byAdmin).allSatisfy(e -> {
            assertThat(e.get("actorId").asString()).as("the signed-in caller").isEqualTo(adminId);
            assertThat(e.get("actorType").asString()).isEqualTo("user");
            assertThat(e.get("requestId").asString()).isEqualTo(requestId);
            assertThat(e.get("correlationId").asString()).isEqualTo(requestId);
            assertThat(e.get("clientAddress").asString()).isIn(LOOPBACK);
            assertThat(e.get("causationId").asString()).isNotBlank();
        });
        List<String> causes = audit.stream().map(e -> e.get("causationId").asString()).toList();
        assertThat(Set.copyOf(causes)).as("each command caused its own events").hasSize(11);
        assertThat(causes.subList(8, 11)).as("accepting the invitation").containsOnly(causes.get(8));
        assertThat(causes.subList(12, 15)).as("creating the organization").containsOnly(causes.get(14));
        assertThat(audit).filteredOn(e -> e.get("entityType").asString().equals("Role"))
                .extracting(e -> e.get("entityId").asString()).containsOnly(roleId);
        assertThat(audit).filteredOn(e -> e.get("entityType").asString().equals("Organization"))
                .extracting(e -> e.get("entityId").asString()).containsOnly(orgId);
        JsonNode rename = audit.get(3).get("payload");
        assertThat(rename.get("name").asString()).isEqualTo(keepers.toUpperCase());
        assertThat(rename.get("previousName").asString()).isEqualTo(keepers);
        assertThat(audit).extracting(e -> e.get("eventType").asString())
                .as("registering a user belongs to no organization").doesNotContain("UserRegisteredEvent");
    }

    @Test
    void readsItsOwnWritesAtOnceWhenGivenTheCommandsPosition() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String orgId = org.id();
        String userId = Fixtures.user(api, orgId).id();
        String viewer = Fixtures.systemRole(api, orgId, org.position(), "Viewer");
        String roleId = Fixtures.role(api, orgId, "Readers " + unique()).id();
        String rolePath = "/api/orgs/" + orgId + "/roles/" + roleId;

        List<String> granted = new ArrayList<>();
        for (PermissionDefinition permission : Permissions.CATALOGUE.subList(0, 8)) {
            Api.Response grant = api.put(rolePath + "/permissions/" + permission.name(), null);
            assertThat(grant.status()).as(grant.body()).isEqualTo(200);
            granted.add(permission.name());
            Api.Response read = api.get(rolePath + "?minPosition=" + grant.position());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(strings(read.json().get("permissions"))).containsExactlyInAnyOrderElementsOf(granted);
        }

        Api.Response assigned = api.put("/api/orgs/" + orgId + "/members/" + userId + "/roles/" + roleId, null);
        Api.Response member = api.get("/api/orgs/" + orgId + "/members/" + userId + "?minPosition="
                + assigned.position());
        assertThat(member.status()).as(member.body()).isEqualTo(200);
        assertThat(strings(member.json().get("roleIds"))).containsExactlyInAnyOrder(viewer, roleId);
    }

    @Test
    void changesShowUpWithoutMinPositionByPolling() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String orgId = org.id();
        String userId = Fixtures.user(api, orgId).id();
        String viewer = Fixtures.systemRole(api, orgId, org.position(), "Viewer");
        String roleId = Fixtures.role(api, orgId, "Pollers " + unique()).id();
        assertThat(api.put("/api/orgs/" + orgId + "/members/" + userId + "/roles/" + roleId, null).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Api.Response members = api.get("/api/orgs/" + orgId + "/members");
            assertThat(members.status()).as(members.body()).isEqualTo(200);
            assertThat(items(members)).filteredOn(m -> m.get("userId").asString().equals(userId)).singleElement()
                    .satisfies(m -> assertThat(strings(m.get("roleIds"))).containsExactlyInAnyOrder(viewer, roleId));
        });
    }

    @Test
    void commandsThatChangeNothingStoreNothingAndAnswerWithoutPosition() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String userId = Fixtures.user(api, orgId).id();
        String name = "Idle " + unique();
        String roleId = Fixtures.role(api, orgId, name).id();
        String rolePath = "/api/orgs/" + orgId + "/roles/" + roleId;
        String assignmentPath = "/api/orgs/" + orgId + "/members/" + userId + "/roles/" + roleId;
        assertThat(api.put(rolePath + "/permissions/projects:read", null).status()).isEqualTo(200);
        Api.Response assigned = api.put(assignmentPath, null);
        assertThat(assigned.status()).isEqualTo(200);

        List<Api.Response> idle = List.of(
                api.put(rolePath + "/permissions/projects:read", null),
                api.delete(rolePath + "/permissions/projects:write"),
                api.put(rolePath, Json.object("name", name)),
                api.put(assignmentPath, null));
        assertThat(idle).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("id").asString()).isEqualTo(roleId);
            assertThat(r.json().has("position")).as(r.body()).isFalse();
            assertThat(r.positionHeader()).isNull();
        });
        assertThat(Fixtures.newestAuditPosition(api, orgId, assigned.position())).isEqualTo(assigned.position());
    }

    @Test
    void roleNamesAreUniqueWithinAnOrganizationOnly() {
        Api api = Api.admin(port);
        String first = Fixtures.organization(api).id();
        String second = Fixtures.organization(api).id();
        String name = "Operators " + unique();

        String inFirst = Fixtures.role(api, first, name).id();
        Api.Response inSecond = Fixtures.role(api, second, name);
        assertThat(inSecond.id()).isNotEqualTo(inFirst);
        Api.Response recased = api.put("/api/orgs/" + first + "/roles/" + inFirst,
                Json.object("name", name.toUpperCase()));
        assertThat(recased.status()).as("changing only the case of a role's own name").isEqualTo(200);

        JsonNode read = api.get("/api/orgs/" + second + "/roles/" + inSecond.id() + "?minPosition="
                + recased.position()).json();
        assertThat(read.get("name").asString()).isEqualTo(name);
        assertThat(api.get("/api/orgs/" + first + "/roles/" + inFirst).json().get("name").asString())
                .isEqualTo(name.toUpperCase());
    }

    @Test
    void membersCanHoldSystemRoles() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String orgId = org.id();
        String userId = Fixtures.user(api, orgId).id();
        String viewer = Fixtures.systemRole(api, orgId, org.position(), "Viewer");
        String editor = Fixtures.systemRole(api, orgId, org.position(), "Editor");

        Api.Response assigned = api.put("/api/orgs/" + orgId + "/members/" + userId + "/roles/" + editor, null);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        JsonNode member = api.get("/api/orgs/" + orgId + "/members/" + userId + "?minPosition="
                + assigned.position()).json();
        assertThat(strings(member.get("roleIds"))).as("joined as a Viewer, then made an Editor")
                .containsExactlyInAnyOrder(viewer, editor);
    }

    @Test
    void roleNamesThatOnlyTheDatabaseFoldsAlikeAreBothReadable() {
        // Java lower-cases "\u0130" to "i\u0307" and a final capital sigma to "\u03c2"; PostgreSQL
        // folds them to "i" and "\u03c3". The command side sees different names in each pair.
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String tag = unique();
        List<String> names = List.of("\u0130nfra " + tag, "infra " + tag, "\u0391\u03a3 " + tag, "\u03b1\u03c3 " + tag);
        List<Api.Response> created = names.stream().map(name -> Fixtures.role(api, orgId, name)).toList();

        long last = created.get(created.size() - 1).position();
        for (int i = 0; i < names.size(); i++) {
            Api.Response read = api.get("/api/orgs/" + orgId + "/roles/" + created.get(i).id()
                    + "?minPosition=" + last);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().get("name").asString()).isEqualTo(names.get(i));
        }
    }

    private static JsonNode readRole(Api api, String rolePath, Api.Response after) {
        Api.Response read = api.get(rolePath + "?minPosition=" + after.position());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    private static JsonNode memberOf(List<JsonNode> members, String userId) {
        return members.stream().filter(m -> m.get("userId").asString().equals(userId)).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + userId));
    }

    private static List<String> permissionsOf(List<JsonNode> roles, String name) {
        return roles.stream().filter(r -> r.get("name").asString().equals(name)).findFirst()
                .map(r -> strings(r.get("permissions"))).orElseThrow();
    }

    private static List<Long> newestFirst(List<Long> positions) {
        List<Long> reversed = new ArrayList<>(positions);
        Collections.reverse(reversed);
        return reversed;
    }

    @Test
    void rolesArePagedByName() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String suffix = unique();
        Api.Response last = null;
        for (String name : List.of("Zeta " + suffix, "alpha " + suffix, "Mid " + suffix)) {
            last = Fixtures.role(api, orgId, name);
        }

        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/api/orgs/" + orgId + "/roles?limit=3&minPosition=" + last.position()
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            items(page).forEach(role -> names.add(role.get("name").asString()));
            sizes.add(items(page).size());
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(names).hasSize(7).doesNotHaveDuplicates()
                .contains("Admin", "Editor", "Manager", "Viewer", "Zeta " + suffix, "alpha " + suffix, "Mid " + suffix);
        assertThat(names.indexOf("Admin")).isLessThan(names.indexOf("Viewer"));
        assertThat(names.indexOf("Mid " + suffix)).isLessThan(names.indexOf("Zeta " + suffix));
    }
}
