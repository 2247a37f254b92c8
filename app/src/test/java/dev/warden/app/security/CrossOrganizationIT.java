package dev.warden.app.security;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Nothing done through one organization reaches a user's standing, sessions or data in another.
 * The attacker is anyone: a plain user who creates an organization of their own, invites the victim
 * (an Admin of another organization), who accepts, and then runs every member-targeting endpoint
 * against them.
 */
@WardenTest
class CrossOrganizationIT {

    @LocalServerPort
    int port;

    @Autowired
    AccessRules rules;

    Api operator;
    String home;
    String attackers;
    Fixtures.SignedIn victim;
    Fixtures.SignedIn attacker;
    String attackersRole;

    @BeforeEach
    void victimInTwoOrganizations() {
        operator = Api.admin(port);
        home = Fixtures.organization(operator).id();
        victim = SecurityFixtures.member(operator, home, "Admin");
        attacker = Fixtures.signedInUser(operator, Fixtures.organization(operator).id());
        attackers = Fixtures.organization(attacker.api()).id();
        attackersRole = Fixtures.role(attacker.api(), attackers, "Lure " + Fixtures.unique()).id();
        Fixtures.member(attacker.api(), attackers, victim);
    }

    @Test
    void noMemberTargetingEndpointOfOneOrganizationChangesAnythingOutsideIt() {
        Standing before = standing();
        List<String> endpoints = rules.all().keySet().stream()
                .filter(e -> e.contains("{userId}") && !e.startsWith("GET "))
                // Removal last: after it the victim is no member of the attacker's organization any more.
                .sorted(Comparator.comparing((String e) -> e.equals("DELETE /api/orgs/{orgId}/members/{userId}"))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        assertThat(endpoints).as("the matrix covers the member endpoints and the account-wide ones")
                .contains("POST /api/orgs/{orgId}/members/{userId}/suspend", "DELETE /api/users/{userId}/sessions",
                        "POST /api/users/{userId}/deactivate", "DELETE /api/orgs/{orgId}/members/{userId}");
        List<String> failures = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{orgId}", attackers)
                    .replace("{userId}", victim.userId()).replace("{roleId}", attackersRole);
            Map<String, Object> body = endpoint.endsWith("/role") ? Json.object("roleId", attackersRole) : null;
            Api.Response response = attacker.api().send(method, path, body);
            boolean accountWide = path.startsWith("/api/users/");
            if (accountWide ? response.status() != 403 || !"OPERATORS_ONLY".equals(response.code())
                    : response.status() != 200) {
                failures.add(endpoint + ": " + response.status() + " " + response.body());
            }
            Standing after = standing();
            if (!after.equals(before)) {
                failures.add(endpoint + " changed the victim outside the attacker's organization: " + before
                        + " -> " + after);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(attacker.api().get("/api/users/" + victim.userId() + "/sessions").code())
                .isEqualTo("OPERATORS_ONLY");
        assertProblem(victim.api().get("/api/orgs/" + attackers), 404, "ORGANIZATION_NOT_FOUND");
    }

    @Test
    void neitherInvitingNorRegisteringTellsWhichEmailsHaveAccounts() {
        String invitations = "/api/orgs/" + attackers + "/invitations";
        Api.Response known = attacker.api().post(invitations, Json.object("email", victim.email()));
        Api.Response unknown = attacker.api().post(invitations, Json.object("email",
                "nobody-" + Fixtures.unique() + "@example.com"));
        assertThat(known.status()).isEqualTo(201);
        assertThat(unknown.status()).isEqualTo(201);
        assertThat(known.json().propertyNames()).isEqualTo(unknown.json().propertyNames());

        String users = "/api/orgs/" + attackers + "/users";
        Api.Response taken = attacker.api().post(users, Json.object("email", victim.email(), "displayName", "Probe",
                "password", Api.USER_PASSWORD));
        Api.Response free = attacker.api().post(users, Json.object("email",
                "free-" + Fixtures.unique() + "@example.com", "displayName", "Probe", "password", Api.USER_PASSWORD));
        assertProblem(taken, 403, "OPERATORS_ONLY");
        assertProblem(free, 403, "OPERATORS_ONLY");
        assertThat(taken.json().get("detail")).isEqualTo(free.json().get("detail"));
    }

    @Test
    void accountWideEventsShowInTheAuditTrailOfEveryOrganizationOfTheUser() {
        String stranger = Fixtures.organization(operator).id();
        Api.Response deactivated = operator.post("/api/users/" + victim.userId() + "/deactivate", null);
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        Api.Response reactivated = operator.post("/api/users/" + victim.userId() + "/reactivate", null);
        assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);

        for (Map.Entry<String, Api> org : Map.of(home, operator, attackers, attacker.api()).entrySet()) {
            List<JsonNode> events = SecurityFixtures.audit(org.getValue(), org.getKey(), "entity=" + victim.userId()
                    + "&minPosition=" + reactivated.position());
            assertThat(events).as("audit of " + org.getKey()).extracting(e -> e.get("eventType").asString())
                    .contains("UserDeactivatedEvent", "UserReactivatedEvent");
        }
        assertThat(SecurityFixtures.audit(operator, stranger, "entity=" + victim.userId())).isEmpty();
        assertThat(Fixtures.items(operator.get("/api/orgs/" + home + "/activity?minPosition="
                + reactivated.position()))).extracting(e -> e.get("eventType").asString())
                .contains("UserDeactivatedEvent");
    }

    @Test
    void aSuspendedMemberReachesNothingInThatOrganizationAndEverythingElse() {
        String key = SecurityFixtures.apiKey(victim.api(), home, "organizations:read").json().get("secret")
                .asString();
        Api withKey = operator.anonymous().withToken(key);
        assertThat(withKey.get("/api/orgs/" + home).status()).isEqualTo(200);

        String member = "/api/orgs/" + home + "/members/" + victim.userId();
        Api.Response suspended = operator.post(member + "/suspend", null);
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertProblem(victim.api().get("/api/orgs/" + home), 404, "ORGANIZATION_NOT_FOUND");
        assertProblem(withKey.get("/api/orgs/" + home), 404, "ORGANIZATION_NOT_FOUND");
        assertThat(victim.api().get("/api/orgs/" + attackers).status()).as("other organizations").isEqualTo(200);
        assertThat(victim.api().get("/api/me").status()).isEqualTo(200);
        assertThat(operator.get(member).json().get("suspended").asBoolean()).isTrue();

        Api.Response reinstated = operator.post(member + "/reinstate", null);
        assertThat(reinstated.status()).as(reinstated.body()).isEqualTo(200);
        assertThat(victim.api().get("/api/orgs/" + home).status()).isEqualTo(200);
        assertThat(withKey.get("/api/orgs/" + home).status()).isEqualTo(200);
    }

    @Test
    void theLastActiveAdminCannotBeSuspended() {
        String attackerId = attacker.userId();
        assertProblem(attacker.api().post("/api/orgs/" + attackers + "/members/" + attackerId + "/suspend", null),
                422, "LAST_ADMIN");
    }

    /** What the victim is outside the attacker's organization, as the victim and the operator see it. */
    private Standing standing() {
        JsonNode me = victim.api().get("/api/me").json();
        int homeStatus = victim.api().get("/api/orgs/" + home).status();
        List<String> homeRoles = SecurityFixtures.roleIds(operator, home, victim.userId(), 0);
        long openSessions = Fixtures.items(operator.get("/api/users/" + victim.userId() + "/sessions")).stream()
                .filter(s -> s.get("revokedAt") == null || s.get("revokedAt").isNull()).count();
        long homeAudit = SecurityFixtures.audit(operator, home, "limit=1").get(0).get("position").asLong();
        int signIn = operator.anonymous().post("/api/sessions", Json.object("email", victim.email(),
                "password", Api.USER_PASSWORD)).status();
        return new Standing(me.path("status").asString(), homeStatus, homeRoles, openSessions > 0, homeAudit,
                Map.of("signIn", signIn));
    }

    record Standing(String status, int homeStatus, List<String> homeRoles, boolean hasOpenSessions,
                    long homeAuditHead, Map<String, Integer> signIn) {
    }
}
