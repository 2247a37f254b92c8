package dev.warden.app.identity;

import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Fixtures.strings;
import static dev.warden.app.support.Fixtures.unique;
import static dev.warden.app.support.Problems.assertInvalid;
import static dev.warden.app.support.Problems.assertProblem;
import static dev.warden.app.support.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.warden.keys.DataKeys;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Users, organizations and members over HTTP: what is accepted, what is refused and why. Users are
 * registered by an organization (and join it as Viewers); there is no user endpoint outside one.
 */
@WardenTest
class IdentityApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataKeys keys;

    @Test
    void emailsAreUniqueIgnoringCase() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String elsewhere = Fixtures.organization(api).id();
        String email = "Casey-" + unique() + "@Example.com";
        Api.Response first = register(api, orgId, email, "Casey");
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        assertProblem(register(api, orgId, email.toLowerCase(), "Other"), 409, "EMAIL_TAKEN");
        assertProblem(register(api, orgId, email.toUpperCase(), "Other"), 409, "EMAIL_TAKEN");
        assertProblem(register(api, elsewhere, email.toLowerCase(), "Other"), 409, "EMAIL_TAKEN");

        assertThat(registrationsOf(email)).as("the refused registrations stored nothing").isEqualTo(1);
        JsonNode user = api.get("/api/orgs/" + orgId + "/members/" + first.id() + "?minPosition=" + first.position())
                .json();
        assertThat(user.get("email").asString()).as("stored as given").isEqualTo(email);
        assertThat(user.get("displayName").asString()).isEqualTo("Casey");
        assertThat(api.as(email).get("/api/me").json().get("email").asString()).isEqualTo(email);
    }

    @Test
    void refusesInvalidUserInputNamingTheField() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String orgId = org.id();
        String email = "valid-" + unique() + "@example.com";

        // The shape (presence, length) is checked on the way in, the email's syntax by the domain.
        assertProblem(register(api, orgId, "not-an-email", "Nemo"), 400, "INVALID_EMAIL");
        assertInvalid(register(api, orgId, "", "Nemo"), "INVALID_INPUT", "email");
        assertInvalid(register(api, orgId, email, " "), "INVALID_INPUT", "displayName");
        assertInvalid(register(api, orgId, email, "x".repeat(101)), "INVALID_INPUT", "displayName");
        assertInvalid(api.post(users(orgId), Json.object()), "INVALID_INPUT", "email", "displayName", "password");
        Api.Response tooLong = register(api, orgId, "a".repeat(250) + "@example.com", "Long");
        assertProblem(tooLong, 400, "INVALID_INPUT");
        assertThat(errorFields(tooLong)).isNotEmpty().containsOnly("email");
        assertProblem(register(api, orgId, "nemo@localhost", "Nemo"), 400, "INVALID_EMAIL");
        assertProblem(register(api, orgId, email, "Bell\u0007"), 400, "INVALID_NAME");

        assertThat(registrationsOf(email)).isZero();
        assertThat(registrationsOf("nemo@localhost")).isZero();
        assertThat(Fixtures.newestAuditPosition(api, orgId, org.position())).isEqualTo(org.position());
    }

    @Test
    void refusesInvalidOrganizationNamesNamingTheField() {
        Api api = Api.admin(port);

        assertInvalid(api.post("/api/orgs", Json.object("name", "")), "INVALID_INPUT", "name");
        assertInvalid(api.post("/api/orgs", Json.object("name", "   ")), "INVALID_INPUT", "name");
        assertInvalid(api.post("/api/orgs", Json.object()), "INVALID_INPUT", "name");
        assertInvalid(api.post("/api/orgs", Json.object("name", "o".repeat(101))), "INVALID_INPUT", "name");
        assertProblem(api.post("/api/orgs", Json.object("name", "Tab\tCorp")), 400, "INVALID_NAME");

        Api.Response longest = api.post("/api/orgs", Json.object("name", "o".repeat(100)));
        assertThat(longest.status()).as("100 characters are allowed: " + longest.body()).isEqualTo(201);
    }

    @Test
    void invitationsAnswerAlikeWhetherOrNotAnAccountIsBehindThem() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String adminId = api.get("/api/me").json().get("id").asString();
        Fixtures.SignedIn known = Fixtures.signedInUser(api, Fixtures.organization(api).id());
        String invitations = "/api/orgs/" + orgId + "/invitations";

        List<Api.Response> answers = List.of(
                api.post(invitations, Json.object("email", known.email())),
                api.post(invitations, Json.object("email", "nobody-" + unique() + "@example.com")),
                api.post(invitations, Json.object("userId", known.userId())),
                api.post(invitations, Json.object("userId", IdKind.USER.next())));
        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            assertThat(answer.json().propertyNames()).containsExactlyInAnyOrderElementsOf(
                    answers.get(0).json().propertyNames());
            assertThat(answer.id()).startsWith("inv_");
        }
        assertThat(items(api.get("/api/orgs/" + orgId + "/members?minPosition=" + answers.get(3).position())))
                .as("an invitation makes nobody a member").extracting(m -> m.get("userId").asString())
                .containsExactly(adminId);

        assertProblem(api.post(invitations, Json.object("userId", adminId)), 409, "ALREADY_MEMBER");
        assertInvalid(api.post(invitations, Json.object("userId", "u".repeat(65))), "INVALID_INPUT", "userId");
        assertProblem(api.post(invitations, Json.object("email", "not an address")), 400, "INVALID_EMAIL");
        for (Map<String, Object> neitherOrBoth : List.of(Json.object(), Json.object("userId", known.userId(),
                "email", "x@example.com"))) {
            Api.Response refused = api.post(invitations, neitherOrBoth);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.isProblem()).as(refused.body()).isTrue();
        }
        assertThat(items(api.get(invitations + "?minPosition=" + answers.get(3).position())))
                .extracting(i -> i.get("status").asString()).containsOnly("pending").hasSize(4);
    }

    @Test
    void theInviteeSeesTheInvitationAndJoinsByAcceptingIt() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String orgId = org.id();
        Fixtures.SignedIn user = Fixtures.signedInUser(api, Fixtures.organization(api).id());
        Fixtures.SignedIn stranger = Fixtures.signedInUser(api, Fixtures.organization(api).id());

        Api.Response invited = Fixtures.invite(api, orgId, Json.object("email", user.email().toUpperCase()));
        assertThat(items(user.api().get("/api/me/invitations?minPosition=" + invited.position())))
                .extracting(i -> i.get("id").asString(), i -> i.get("organizationId").asString())
                .containsExactly(tuple(invited.id(), orgId));
        assertThat(items(stranger.api().get("/api/me/invitations?minPosition=" + invited.position()))).isEmpty();
        String accept = "/api/orgs/" + orgId + "/invitations/" + invited.id() + "/accept";
        assertProblem(stranger.api().post(accept, null), 404, "INVITATION_NOT_FOUND");

        Api.Response accepted = user.api().post(accept, null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode member = api.get("/api/orgs/" + orgId + "/members/" + user.userId() + "?minPosition="
                + accepted.position()).json();
        assertThat(member.get("email").asString()).isEqualTo(user.email());
        assertThat(strings(member.get("roleIds"))).as("a new member is a Viewer")
                .containsExactly(Fixtures.systemRole(api, orgId, org.position(), "Viewer"));
        assertThat(user.api().get("/api/orgs/" + orgId).status()).isEqualTo(200);
        assertThat(user.api().post(accept, null).status()).as("a retried acceptance").isEqualTo(200);
        assertThat(items(user.api().get("/api/me/invitations"))).isEmpty();

        Api.Response declined = Fixtures.invite(api, orgId, Json.object("userId", stranger.userId()));
        String base = "/api/orgs/" + orgId + "/invitations/" + declined.id();
        assertThat(stranger.api().post(base + "/decline", null).status()).isEqualTo(200);
        assertProblem(stranger.api().post(base + "/accept", null), 422, "INVITATION_CLOSED");
        assertProblem(stranger.api().get("/api/orgs/" + orgId), 404, "ORGANIZATION_NOT_FOUND");
    }

    @Test
    void unknownUsersAndMembersAreNotFound() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        Api.Response outsider = Fixtures.user(api, Fixtures.organization(api).id());

        assertProblem(api.get("/api/orgs/" + orgId + "/members/" + IdKind.USER.next()), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.get("/api/orgs/" + orgId + "/members/" + outsider.id() + "?minPosition="
                + outsider.position()), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.get("/api/orgs/" + orgId + "/members/nobody"), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.get("/api/users/" + outsider.id()), 404, "NOT_FOUND");
    }

    @Test
    void pagesThroughMembersWithACursor() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        List<String> userIds = new ArrayList<>();
        userIds.add(api.get("/api/me").json().get("id").asString());
        long last = 0;
        for (int i = 0; i < 5; i++) {
            Api.Response user = Fixtures.user(api, orgId);
            userIds.add(user.id());
            last = user.position();
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/api/orgs/" + orgId + "/members?limit=2&minPosition=" + last
                    + (cursor == null ? "" : "&cursor=" + cursor));
            List<JsonNode> items = items(page);
            assertThat(items).hasSizeBetween(1, 2);
            items.forEach(m -> seen.add(m.get("userId").asString()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).as("the creator and five users, two a page").isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(userIds);
    }

    @Test
    void emailsThatOnlyTheDatabaseFoldsAlikeAreBothReadable() {
        // Java lower-cases "\u0130" to "i\u0307", PostgreSQL to "i": the command side sees two emails.
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String tag = unique();
        Api.Response dotted = register(api, orgId, "\u0130ris-" + tag + "@example.com", "\u0130ris");
        Api.Response plain = register(api, orgId, "iris-" + tag + "@example.com", "Iris");
        assertThat(dotted.status()).as(dotted.body()).isEqualTo(201);
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);

        long position = Math.max(dotted.position(), plain.position());
        Api.Response first = api.get("/api/orgs/" + orgId + "/members/" + dotted.id() + "?minPosition=" + position);
        Api.Response second = api.get("/api/orgs/" + orgId + "/members/" + plain.id() + "?minPosition=" + position);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(first.json().get("email").asString()).isEqualTo("\u0130ris-" + tag + "@example.com");
        assertThat(second.json().get("email").asString()).isEqualTo("iris-" + tag + "@example.com");
    }

    /** Registers a user in {@code orgId} with the fixtures' password. */
    private static Api.Response register(Api api, String orgId, String email, String displayName) {
        return api.post(users(orgId), Json.object("email", email, "displayName", displayName,
                "password", Api.USER_PASSWORD));
    }

    private static String users(String orgId) {
        return "/api/orgs/" + orgId + "/users";
    }

    /** Registrations in the log of the user who holds {@code email}'s claim (by its keyed hash; the log holds it encrypted). */
    private long registrationsOf(String email) {
        String hash = keys.keyedHash("index:email", email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry e
                        JOIN command_unique_names c ON c.owner_id = e.aggregate_identifier
                        WHERE e.payload_type LIKE '%.UserRegisteredEvent' AND c.scope = 'user-email-hash' AND c.key = ?""")
                .param(hash)
                .query(Long.class)
                .single();
    }
}
