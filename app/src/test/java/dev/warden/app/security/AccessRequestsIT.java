package dev.warden.app.security;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.TestClock;
import dev.warden.app.support.WardenTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The access-request workflow: approve exactly once, decide with rules, cancel by the requester, expire. */
@WardenTest
class AccessRequestsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    String orgId;
    String base;
    Fixtures.SignedIn viewer;
    Fixtures.SignedIn manager;
    String auditorRole;

    @BeforeEach
    void setUp() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
        base = "/api/orgs/" + orgId;
        viewer = Fixtures.signedInUser(admin, orgId);
        manager = SecurityFixtures.member(admin, orgId, "Manager");
        auditorRole = Fixtures.role(admin, orgId, "Auditor " + Fixtures.unique()).id();
        assertThat(admin.put(base + "/roles/" + auditorRole + "/permissions/audit:read", null).status()).isEqualTo(200);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void anApprovedRoleIsAssignedExactlyOnceAlsoWhenTheApprovalIsRetried() {
        Api.Response requested = request(viewer, auditorRole, "I review the audit trail");
        assertProblem(viewer.api().get(base + "/audit"), 403, "PERMISSION_DENIED");

        Api.Response approved = manager.api().post(base + "/access-requests/" + requested.id() + "/approve",
                Json.object("reason", "fine"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        long position = approved.position();
        assertThat(SecurityFixtures.roleIds(admin, orgId, viewer.userId(), position)).containsOnlyOnce(auditorRole);
        assertThat(viewer.api().get(base + "/audit").status()).as("holds for the next request").isEqualTo(200);
        assertThat(assignments(viewer.userId(), auditorRole)).isEqualTo(1);

        Api.Response retried = manager.api().post(base + "/access-requests/" + requested.id() + "/approve",
                Json.object("reason", "fine"));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        JsonNode again = retried.json();
        assertThat(!again.has("position") || again.get("position").isNull()
                || again.get("position").asLong() == position).as(retried.body()).isTrue();
        Api.Response bodiless = manager.api().post(base + "/access-requests/" + requested.id() + "/approve", null);
        assertThat(bodiless.status()).as(bodiless.body()).isEqualTo(200);
        assertThat(assignments(viewer.userId(), auditorRole)).isEqualTo(1);
        assertThat(SecurityFixtures.roleIds(admin, orgId, viewer.userId(), position)).containsOnlyOnce(auditorRole);

        JsonNode view = admin.get(base + "/access-requests/" + requested.id() + "?minPosition=" + position).json();
        assertThat(view.get("status").asString()).isEqualTo("approved");
        assertThat(view.get("decidedBy").asString()).isEqualTo(manager.userId());
        assertThat(view.get("decisionReason").asString()).isEqualTo("fine");

        // Decided: it cannot be denied or cancelled any more.
        assertProblem(manager.api().post(base + "/access-requests/" + requested.id() + "/deny",
                Json.object("reason", "changed my mind")), 409, "ACCESS_REQUEST_CLOSED");
        assertProblem(viewer.api().post(base + "/access-requests/" + requested.id() + "/cancel", null), 409,
                "ACCESS_REQUEST_CLOSED");
    }

    @Test
    void nobodyDecidesTheirOwnRequest() {
        String role = Fixtures.role(admin, orgId, "Own " + Fixtures.unique()).id();
        Api.Response own = request(manager, role, "for myself");
        assertProblem(manager.api().post(base + "/access-requests/" + own.id() + "/approve", Json.object()), 422,
                "OWN_REQUEST");
        assertProblem(manager.api().post(base + "/access-requests/" + own.id() + "/deny",
                Json.object("reason", "no")), 422, "OWN_REQUEST");
        assertThat(admin.get(base + "/access-requests/" + own.id() + "?minPosition=" + own.position())
                .json().get("status").asString()).isEqualTo("pending");
        assertThat(SecurityFixtures.roleIds(admin, orgId, manager.userId(), 0)).doesNotContain(role);
    }

    @Test
    void aDenialNeedsAReason() {
        Api.Response requested = request(viewer, auditorRole, "please");
        String deny = base + "/access-requests/" + requested.id() + "/deny";
        Api.Response noBody = manager.api().post(deny, null);
        assertThat(noBody.status()).as(noBody.body()).isEqualTo(400);
        assertThat(noBody.isProblem()).isTrue();
        assertProblem(manager.api().post(deny, Json.object()), 400, "INVALID_TEXT");
        assertProblem(manager.api().post(deny, Json.object("reason", "   ")), 400, "INVALID_TEXT");
        Api.Response denied = manager.api().post(deny, Json.object("reason", "not needed"));
        assertThat(denied.status()).as(denied.body()).isEqualTo(200);
        JsonNode view = admin.get(base + "/access-requests/" + requested.id() + "?minPosition=" + denied.position())
                .json();
        assertThat(view.get("status").asString()).isEqualTo("denied");
        assertThat(view.get("decisionReason").asString()).isEqualTo("not needed");
        assertProblem(manager.api().post(base + "/access-requests/" + requested.id() + "/approve", Json.object()), 409,
                "ACCESS_REQUEST_CLOSED");
        assertThat(SecurityFixtures.roleIds(admin, orgId, viewer.userId(), denied.position()))
                .doesNotContain(auditorRole);
    }

    @Test
    void onlyTheRequesterCancels() {
        Api.Response requested = request(viewer, auditorRole, "please");
        String cancel = base + "/access-requests/" + requested.id() + "/cancel";
        assertProblem(manager.api().post(cancel, null), 403, "NOT_REQUESTER");
        assertProblem(admin.post(cancel, null), 403, "NOT_REQUESTER");
        Fixtures.SignedIn otherViewer = Fixtures.signedInUser(admin, orgId);
        assertProblem(otherViewer.api().post(cancel, null), 403, "NOT_REQUESTER");
        Api.Response cancelled = viewer.api().post(cancel, null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(admin.get(base + "/access-requests/" + requested.id() + "?minPosition=" + cancelled.position())
                .json().get("status").asString()).isEqualTo("cancelled");
        assertProblem(manager.api().post(base + "/access-requests/" + requested.id() + "/approve", Json.object()), 409,
                "ACCESS_REQUEST_CLOSED");
    }

    @Test
    void aManagerCannotGrantAdmin() {
        String adminRole = Fixtures.systemRole(admin, orgId, 0, "Admin");
        Api.Response requested = request(viewer, adminRole, "I want it all");
        assertProblem(manager.api().post(base + "/access-requests/" + requested.id() + "/approve", Json.object()), 403,
                "ESCALATION");
        // Read at the request's position: the refusal stored nothing, so the request is still pending.
        assertThat(admin.get(base + "/access-requests/" + requested.id() + "?minPosition=" + requested.position())
                .json().get("status").asString()).isEqualTo("pending");
        assertThat(SecurityFixtures.roleIds(admin, orgId, viewer.userId(), 0)).doesNotContain(adminRole);
        // Neither directly.
        assertProblem(manager.api().put(base + "/members/" + viewer.userId() + "/role",
                Json.object("roleId", adminRole)), 403, "ESCALATION");
        // An Admin may.
        Api.Response approved = admin.post(base + "/access-requests/" + requested.id() + "/approve", Json.object());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(SecurityFixtures.roleIds(admin, orgId, viewer.userId(), approved.position())).contains(adminRole);
    }

    @Test
    void aPendingRequestExpiresAndCanNoLongerBeApproved() {
        Api.Response requested = request(viewer, auditorRole, "some day");
        String path = base + "/access-requests/" + requested.id();
        try {
            TestClock.advance(Duration.ofDays(8));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.get(path).json().get("status").asString().equals("expired"));
            assertProblem(manager.api().post(path + "/approve", Json.object()), 409, "ACCESS_REQUEST_CLOSED");
            assertProblem(viewer.api().post(path + "/cancel", null), 409, "ACCESS_REQUEST_CLOSED");
            assertThat(SecurityFixtures.roleIds(admin, orgId, viewer.userId(), 0)).doesNotContain(auditorRole);
            List<JsonNode> expiry = SecurityFixtures.audit(admin, orgId, "eventType=AccessRequestExpiredEvent&entity="
                    + requested.id());
            assertThat(expiry).hasSize(1);
            assertThat(expiry.get(0).get("actorType").asString()).isEqualTo("system");
            // Let the expiry job finish with every request it found due, before time moves back.
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM access_requests "
                    + "WHERE status = 'pending' AND expires_at <= now() + interval '8 days'").query(Long.class).single() == 0);
        } finally {
            TestClock.reset();
        }
    }

    private Api.Response request(Fixtures.SignedIn who, String roleId, String justification) {
        Api.Response response = who.api().post(base + "/access-requests", Json.object("roleId", roleId,
                "justification", justification));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    /** How many RoleAssignedEvents gave {@code roleId} to {@code userId} in the organization's audit. */
    private long assignments(String userId, String roleId) {
        return SecurityFixtures.audit(admin, orgId, "eventType=RoleAssignedEvent").stream()
                .map(e -> e.get("payload"))
                .filter(p -> p.path("userId").asString().equals(userId) && p.path("roleId").asString().equals(roleId))
                .count();
    }
}
