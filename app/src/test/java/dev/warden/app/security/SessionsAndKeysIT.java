package dev.warden.app.security;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.command.identity.Totp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Revoking a session, a key, a role or a user takes effect for the very next request; API keys are
 * limited to their scopes and their issuer; TOTP guards sign-in; the actor is always the caller.
 */
@WardenTest
class SessionsAndKeysIT {

    @LocalServerPort
    int port;

    Api admin;
    String orgId;

    @BeforeEach
    void setUp() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
    }

    @Test
    void signingOutEndsTheSessionForTheNextRequest() {
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, orgId);
        assertThat(user.api().get("/api/me").status()).isEqualTo(200);
        Api.Response out = user.api().delete("/api/sessions/current");
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.header("Set-Cookie")).contains("warden_session=").contains("Max-Age=0");
        assertProblem(user.api().get("/api/me"), 401, "AUTHENTICATION_REQUIRED");
        assertProblem(user.api().get("/api/orgs/" + orgId), 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void theSessionCookieAuthenticatesToo() {
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, orgId);
        Api.Response signedIn = admin.anonymous().post("/api/sessions", Json.object("email", user.email(),
                "password", Api.USER_PASSWORD));
        String cookie = signedIn.header("Set-Cookie");
        assertThat(cookie).startsWith("warden_session=wds_").contains("HttpOnly").contains("Secure")
                .contains("SameSite=Strict");
        Api withCookie = admin.anonymous().withHeader("Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(withCookie.get("/api/me").status()).isEqualTo(200);
        assertThat(withCookie.delete("/api/sessions/current").status()).isEqualTo(200);
        assertProblem(withCookie.get("/api/me"), 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void revokingOneOwnSessionOrAllEndsThemForTheNextRequest() {
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, orgId);
        Api.Response second = admin.anonymous().post("/api/sessions", Json.object("email", user.email(),
                "password", Api.USER_PASSWORD));
        assertThat(second.status()).isEqualTo(201);
        Api secondApi = admin.anonymous().withToken(second.json().get("token").asString());
        Api third = admin.anonymous().withToken(admin.anonymous().signIn(user.email(), Api.USER_PASSWORD));

        Api.Response revoked = user.api().delete("/api/me/sessions/" + second.json().get("sessionId").asString());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertProblem(secondApi.get("/api/me"), 401, "AUTHENTICATION_REQUIRED");
        assertThat(user.api().get("/api/me").status()).isEqualTo(200);
        assertThat(third.get("/api/me").status()).isEqualTo(200);

        // Another user's session cannot be revoked through one's own sessions.
        Fixtures.SignedIn other = Fixtures.signedInUser(admin, orgId);
        List<JsonNode> otherSessions = Fixtures.items(other.api().get("/api/me/sessions"));
        Api.Response foreign = user.api().delete("/api/me/sessions/" + otherSessions.get(0).get("id").asString());
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(other.api().get("/api/me").status()).isEqualTo(200);

        assertThat(user.api().delete("/api/me/sessions").status()).isEqualTo(200);
        assertProblem(user.api().get("/api/me"), 401, "AUTHENTICATION_REQUIRED");
        assertProblem(third.get("/api/me"), 401, "AUTHENTICATION_REQUIRED");
        assertThat(other.api().get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void anAdminEndsAMembersSessionsReachIntoTheOrganizationOnly() {
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, orgId);
        assertThat(user.api().get("/api/orgs/" + orgId).status()).isEqualTo(200);
        assertThat(admin.delete("/api/orgs/" + orgId + "/members/" + user.userId() + "/sessions").status())
                .isEqualTo(200);
        assertProblem(user.api().get("/api/orgs/" + orgId), 404, "ORGANIZATION_NOT_FOUND");
        assertThat(user.api().get("/api/me").status()).as("the session works on outside the organization")
                .isEqualTo(200);
        Api again = admin.anonymous().withToken(admin.anonymous().signIn(user.email(), Api.USER_PASSWORD));
        assertThat(again.get("/api/orgs/" + orgId).status()).as("a new sign-in reaches it again").isEqualTo(200);
    }

    @Test
    void anOperatorsDeactivationEndsSessionsAndSignInUntilReactivated() {
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, orgId);
        Api.Response deactivated = admin.post("/api/users/" + user.userId() + "/deactivate", null);
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertProblem(user.api().get("/api/me"), 401, "AUTHENTICATION_REQUIRED");
        assertProblem(admin.anonymous().post("/api/sessions", Json.object("email", user.email(),
                "password", Api.USER_PASSWORD)), 401, "INVALID_CREDENTIALS");

        Api.Response reactivated = admin.post("/api/users/" + user.userId() + "/reactivate", null);
        assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
        Api again = admin.anonymous().withToken(admin.anonymous().signIn(user.email(), Api.USER_PASSWORD));
        assertThat(again.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void takingARoleAwayHoldsForTheNextRequest() {
        Fixtures.SignedIn manager = SecurityFixtures.member(admin, orgId, "Manager");
        assertThat(manager.api().patch("/api/orgs/" + orgId, Json.object("name", "By the manager")).status())
                .isEqualTo(200);
        String viewer = Fixtures.systemRole(admin, orgId, 0, "Viewer");
        Api.Response demoted = admin.put("/api/orgs/" + orgId + "/members/" + manager.userId() + "/role",
                Json.object("roleId", viewer));
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
        assertProblem(manager.api().patch("/api/orgs/" + orgId, Json.object("name", "Not any more")), 403,
                "PERMISSION_DENIED");

        Fixtures.SignedIn auditor = Fixtures.signedInUser(admin, orgId);
        String auditRole = Fixtures.role(admin, orgId, "Auditor " + Fixtures.unique()).id();
        assertThat(admin.put("/api/orgs/" + orgId + "/roles/" + auditRole + "/permissions/audit:read", null).status())
                .isEqualTo(200);
        assertProblem(auditor.api().get("/api/orgs/" + orgId + "/audit"), 403, "PERMISSION_DENIED");
        assertThat(admin.put("/api/orgs/" + orgId + "/members/" + auditor.userId() + "/roles/" + auditRole, null)
                .status()).isEqualTo(200);
        assertThat(auditor.api().get("/api/orgs/" + orgId + "/audit").status()).isEqualTo(200);
        assertThat(admin.delete("/api/orgs/" + orgId + "/members/" + auditor.userId() + "/roles/" + auditRole)
                .status()).isEqualTo(200);
        assertProblem(auditor.api().get("/api/orgs/" + orgId + "/audit"), 403, "PERMISSION_DENIED");

        // Revoking the permission from a held role holds for the next request as well.
        assertThat(admin.put("/api/orgs/" + orgId + "/members/" + auditor.userId() + "/roles/" + auditRole, null)
                .status()).isEqualTo(200);
        assertThat(auditor.api().get("/api/orgs/" + orgId + "/audit").status()).isEqualTo(200);
        assertThat(admin.delete("/api/orgs/" + orgId + "/roles/" + auditRole + "/permissions/audit:read").status())
                .isEqualTo(200);
        assertProblem(auditor.api().get("/api/orgs/" + orgId + "/audit"), 403, "PERMISSION_DENIED");
    }

    @Test
    void anApiKeyIsShownOnceAndWorksForItsScopesOnly() {
        Api.Response issued = SecurityFixtures.apiKey(admin, orgId, "organizations:read", "members:read");
        String secret = issued.json().get("secret").asString();
        String keyId = issued.id();
        assertThat(secret).startsWith("wdn_");
        assertThat(issued.json().get("prefix").asString()).startsWith("wdn_");
        assertThat(secret).startsWith(issued.json().get("prefix").asString());
        assertThat(issued.header("Cache-Control")).contains("no-store");

        Api.Response list = admin.get("/api/orgs/" + orgId + "/api-keys?minPosition=" + issued.position());
        assertThat(list.body()).doesNotContain(secret).contains(issued.json().get("prefix").asString());
        JsonNode key = admin.get("/api/orgs/" + orgId + "/api-keys/" + keyId).json();
        assertThat(key.has("secret")).isFalse();
        assertThat(key.toString()).doesNotContain(secret);
        assertThat(Fixtures.strings(key.get("scopes"))).containsExactlyInAnyOrder("organizations:read",
                "members:read");

        Api withKey = admin.anonymous().withToken(secret);
        assertThat(withKey.get("/api/orgs/" + orgId).status()).isEqualTo(200);
        assertThat(withKey.get("/api/orgs/" + orgId + "/members").status()).isEqualTo(200);
        assertProblem(withKey.get("/api/orgs/" + orgId + "/roles"), 403, "PERMISSION_DENIED");
        assertProblem(withKey.patch("/api/orgs/" + orgId, Json.object("name", "By key")), 403, "PERMISSION_DENIED");
        assertProblem(withKey.post("/api/orgs/" + orgId + "/api-keys",
                Json.object("name", "child", "scopes", List.of("organizations:read"))), 403, "PERMISSION_DENIED");
        assertProblem(withKey.get("/api/me"), 403, "USERS_ONLY");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(SecurityFixtures.audit(admin, orgId,
                "eventType=PermissionDeniedEvent&actor=" + keyId)).hasSize(3));

        Api.Response revoked = admin.delete("/api/orgs/" + orgId + "/api-keys/" + keyId);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertProblem(withKey.get("/api/orgs/" + orgId), 401, "AUTHENTICATION_REQUIRED");
        assertThat(admin.get("/api/orgs/" + orgId + "/api-keys/" + keyId).json().get("status").asString())
                .isEqualTo("revoked");
    }

    @Test
    void aKeyCannotCarryMoreThanItsIssuerHolds() {
        Fixtures.SignedIn manager = SecurityFixtures.member(admin, orgId, "Manager");
        assertProblem(manager.api().post("/api/orgs/" + orgId + "/api-keys",
                Json.object("name", "too much", "scopes", List.of("organizations:read", "roles:write"))), 403,
                "ESCALATION");
        assertProblem(manager.api().post("/api/orgs/" + orgId + "/api-keys",
                Json.object("name", "too much", "scopes", List.of("admin:restore"))), 403, "ESCALATION");
        assertProblem(manager.api().post("/api/orgs/" + orgId + "/api-keys",
                Json.object("name", "unknown", "scopes", List.of("nothing:here"))), 400, "INVALID_API_KEY");
        assertThat(manager.api().post("/api/orgs/" + orgId + "/api-keys",
                Json.object("name", "fine", "scopes", List.of("organizations:write"))).status()).isEqualTo(201);
    }

    @Test
    void expiredKeysStop() {
        assertProblem(admin.post("/api/orgs/" + orgId + "/api-keys", Json.object("name", "past",
                "scopes", List.of("organizations:read"), "expiresAt", Instant.now().minusSeconds(60).toString())),
                400, "INVALID_API_KEY");
        Api.Response issued = admin.post("/api/orgs/" + orgId + "/api-keys", Json.object("name", "soon",
                "scopes", List.of("organizations:read"), "expiresAt", Instant.now().plusSeconds(3).toString()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Api withKey = admin.anonymous().withToken(issued.json().get("secret").asString());
        assertThat(withKey.get("/api/orgs/" + orgId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> withKey.get("/api/orgs/" + orgId).status() == 401);
        assertProblem(withKey.get("/api/orgs/" + orgId), 401, "AUTHENTICATION_REQUIRED");
        assertThat(admin.get("/api/orgs/" + orgId + "/api-keys/" + issued.id()).json().get("status").asString())
                .isEqualTo("expired");
    }

    @Test
    void aKeyStopsWhenItsIssuerLeavesOrLosesThePermission() {
        Fixtures.SignedIn manager = SecurityFixtures.member(admin, orgId, "Manager");
        String secret = SecurityFixtures.apiKey(manager.api(), orgId, "organizations:read", "organizations:write")
                .json().get("secret").asString();
        Api withKey = admin.anonymous().withToken(secret);
        assertThat(withKey.patch("/api/orgs/" + orgId, Json.object("name", "Key at work")).status()).isEqualTo(200);

        // The issuer is demoted: the key keeps only what the issuer still holds.
        String viewer = Fixtures.systemRole(admin, orgId, 0, "Viewer");
        assertThat(admin.put("/api/orgs/" + orgId + "/members/" + manager.userId() + "/role",
                Json.object("roleId", viewer)).status()).isEqualTo(200);
        assertProblem(withKey.patch("/api/orgs/" + orgId, Json.object("name", "Key no more")), 403,
                "PERMISSION_DENIED");
        assertThat(withKey.get("/api/orgs/" + orgId).status()).isEqualTo(200);

        // The issuer is removed from the organization: the key opens nothing there.
        assertThat(admin.delete("/api/orgs/" + orgId + "/members/" + manager.userId()).status()).isEqualTo(200);
        Api.Response afterRemoval = withKey.get("/api/orgs/" + orgId);
        assertThat(afterRemoval.status()).as(afterRemoval.body()).isIn(401, 404);
        assertThat(afterRemoval.isProblem()).isTrue();
    }

    @Test
    void totpGuardsSignInAndNoCodeWorksTwice() {
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, orgId);
        Api.Response enrolment = user.api().post("/api/me/totp", null);
        assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(201);
        assertThat(enrolment.header("Cache-Control")).contains("no-store");
        String secret = enrolment.json().get("secret").asString();
        assertThat(enrolment.json().get("uri").asString()).startsWith("otpauth://totp/").contains(secret);

        // Not on until confirmed.
        Api anonymous = admin.anonymous();
        Map<String, Object> noCode = Json.object("email", user.email(), "password", Api.USER_PASSWORD);
        assertThat(anonymous.post("/api/sessions", noCode).status()).isEqualTo(201);
        assertProblem(user.api().post("/api/me/totp/confirm", Json.object("code", "000000")), 422, "INVALID_TOTP_CODE");
        long step = Totp.step(Instant.now());
        Api.Response confirmed = user.api().post("/api/me/totp/confirm", Json.object("code", Totp.code(secret, step)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(user.api().get("/api/me?minPosition=" + confirmed.position()).json().get("totpEnabled").asBoolean())
                .isTrue();

        assertProblem(anonymous.post("/api/sessions", noCode), 401, "SECOND_FACTOR_REQUIRED");
        assertProblem(anonymous.post("/api/sessions", withCode(user.email(), Totp.code(secret, step))), 401,
                "INVALID_CREDENTIALS");
        String next = Totp.code(secret, step + 1);
        Api.Response signedIn = anonymous.post("/api/sessions", withCode(user.email(), next));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
        assertProblem(anonymous.post("/api/sessions", withCode(user.email(), next)), 401, "INVALID_CREDENTIALS");
        assertProblem(anonymous.post("/api/sessions", Json.object("email", user.email(),
                "password", "wrong password here", "totpCode", Totp.code(secret, step + 1))), 401,
                "INVALID_CREDENTIALS");
    }

    @Test
    void theActorIsTheAuthenticatedCallerWhateverTheClientSays() {
        Fixtures.SignedIn manager = SecurityFixtures.member(admin, orgId, "Manager");
        Fixtures.SignedIn bystander = Fixtures.signedInUser(admin, orgId);
        Api.Response byUser = manager.api()
                .withHeader("X-Actor", bystander.userId())
                .withHeader("X-Actor-Id", bystander.userId())
                .withHeader("X-Actor-Type", "system")
                .withHeader("X-User-Id", bystander.userId())
                .withHeader("X-Organization-Id", "org_0")
                .patch("/api/orgs/" + orgId, Json.object("name", "Renamed by the manager"));
        assertThat(byUser.status()).as(byUser.body()).isEqualTo(200);
        JsonNode entry = entryAt(byUser.position());
        assertThat(entry.get("actorId").asString()).isEqualTo(manager.userId());
        assertThat(entry.get("actorType").asString()).isEqualTo("user");

        Api.Response issued = SecurityFixtures.apiKey(manager.api(), orgId, "organizations:write");
        Api.Response byKey = admin.anonymous().withToken(issued.json().get("secret").asString())
                .withHeader("X-Actor-Id", bystander.userId())
                .withHeader("X-Actor-Type", "user")
                .patch("/api/orgs/" + orgId, Json.object("name", "Renamed by a key"));
        assertThat(byKey.status()).as(byKey.body()).isEqualTo(200);
        JsonNode keyEntry = entryAt(byKey.position());
        assertThat(keyEntry.get("actorId").asString()).isEqualTo(issued.id());
        assertThat(keyEntry.get("actorType").asString()).isEqualTo("api-key");

        assertThat(SecurityFixtures.audit(admin, orgId, "actor=" + bystander.userId()).stream()
                .filter(e -> e.get("eventType").asString().equals("OrganizationRenamedEvent"))).isEmpty();
    }

    private JsonNode entryAt(long position) {
        return SecurityFixtures.audit(admin, orgId, "minPosition=" + position).stream()
                .filter(e -> e.get("position").asLong() == position).findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry at " + position));
    }

    private static Map<String, Object> withCode(String email, String code) {
        return Json.object("email", email, "password", Api.USER_PASSWORD, "totpCode", code);
    }
}
