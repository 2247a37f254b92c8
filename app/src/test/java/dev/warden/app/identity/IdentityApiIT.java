package dev.warden.app.identity;

import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Fixtures.unique;
import static dev.warden.app.support.Problems.assertInvalid;
import static dev.warden.app.support.Problems.assertProblem;
import static dev.warden.app.support.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Users, organizations and members over HTTP: what is accepted, what is refused and why. */
@WardenTest
class IdentityApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void emailsAreUniqueIgnoringCase() {
        Api api = new Api(port);
        String email = "Casey-" + unique() + "@Example.com";
        Api.Response first = api.post("/api/users", "{\"email\":\"" + email + "\",\"displayName\":\"Casey\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        assertProblem(api.post("/api/users", "{\"email\":\"" + email.toLowerCase() + "\",\"displayName\":\"Other\"}"),
                409, "EMAIL_TAKEN");
        assertProblem(api.post("/api/users", "{\"email\":\"" + email.toUpperCase() + "\",\"displayName\":\"Other\"}"),
                409, "EMAIL_TAKEN");

        assertThat(registrationsOf(email)).as("the refused registrations stored nothing").isEqualTo(1);
        JsonNode user = api.get("/api/users/" + first.id() + "?minPosition=" + first.position()).json();
        assertThat(user.get("email").asString()).as("stored as given").isEqualTo(email);
        assertThat(user.get("displayName").asString()).isEqualTo("Casey");
    }

    @Test
    void refusesInvalidUserInputNamingTheField() {
        Api api = new Api(port);
        String email = "valid-" + unique() + "@example.com";

        assertInvalid(api.post("/api/users", "{\"email\":\"not-an-email\",\"displayName\":\"Nemo\"}"),
                "INVALID_INPUT", "email");
        assertInvalid(api.post("/api/users", "{\"email\":\"\",\"displayName\":\"Nemo\"}"), "INVALID_INPUT", "email");
        assertInvalid(api.post("/api/users", "{\"email\":\"" + email + "\",\"displayName\":\" \"}"),
                "INVALID_INPUT", "displayName");
        assertInvalid(api.post("/api/users", "{\"email\":\"" + email + "\",\"displayName\":\"" + "x".repeat(101)
                + "\"}"), "INVALID_INPUT", "displayName");
        assertInvalid(api.post("/api/users", "{}"), "INVALID_INPUT", "email", "displayName");
        Api.Response tooLong = api.post("/api/users", "{\"email\":\"" + "a".repeat(250) + "@example.com\","
                + "\"displayName\":\"Long\"}");
        assertProblem(tooLong, 400, "INVALID_INPUT");
        assertThat(errorFields(tooLong)).isNotEmpty().containsOnly("email");
        assertProblem(api.post("/api/users", "{\"email\":\"nemo@localhost\",\"displayName\":\"Nemo\"}"), 400,
                "INVALID_EMAIL");
        assertProblem(api.post("/api/users", "{\"email\":\"" + email + "\",\"displayName\":\"Bell\\u0007\"}"), 400,
                "INVALID_NAME");

        assertThat(registrationsOf(email)).isZero();
        assertThat(registrationsOf("nemo@localhost")).isZero();
    }

    @Test
    void refusesInvalidOrganizationNamesNamingTheField() {
        Api api = new Api(port);

        assertInvalid(api.post("/api/orgs", "{\"name\":\"\"}"), "INVALID_INPUT", "name");
        assertInvalid(api.post("/api/orgs", "{\"name\":\"   \"}"), "INVALID_INPUT", "name");
        assertInvalid(api.post("/api/orgs", "{}"), "INVALID_INPUT", "name");
        assertInvalid(api.post("/api/orgs", "{\"name\":\"" + "o".repeat(101) + "\"}"), "INVALID_INPUT", "name");
        assertProblem(api.post("/api/orgs", "{\"name\":\"Tab\\tCorp\"}"), 400, "INVALID_NAME");

        Api.Response longest = api.post("/api/orgs", "{\"name\":\"" + "o".repeat(100) + "\"}");
        assertThat(longest.status()).as("100 characters are allowed: " + longest.body()).isEqualTo(201);
    }

    @Test
    void addsEachRegisteredUserOnce() {
        Api api = new Api(port);
        String orgId = Fixtures.organization(api).id();
        String userId = Fixtures.user(api).id();
        Api.Response member = Fixtures.member(api, orgId, userId);
        String members = "/api/orgs/" + orgId + "/members";

        assertProblem(api.post(members, "{\"userId\":\"" + userId + "\"}"), 409, "ALREADY_MEMBER");
        assertProblem(api.post(members, "{\"userId\":\"" + IdKind.USER.next() + "\"}"), 404, "USER_NOT_FOUND");
        assertProblem(api.post(members, "{\"userId\":\"" + orgId + "\"}"), 404, "USER_NOT_FOUND");
        assertProblem(api.post(members, "{\"userId\":\"nobody\"}"), 404, "USER_NOT_FOUND");
        assertInvalid(api.post(members, "{\"userId\":\"\"}"), "INVALID_INPUT", "userId");
        assertInvalid(api.post(members, "{}"), "INVALID_INPUT", "userId");

        assertThat(Fixtures.newestAuditPosition(api, orgId, member.position())).isEqualTo(member.position());
        assertThat(items(api.get(members))).hasSize(1);
    }

    @Test
    void unknownUsersAndMembersAreNotFound() {
        Api api = new Api(port);
        String orgId = Fixtures.organization(api).id();
        Api.Response outsider = Fixtures.user(api);

        assertProblem(api.get("/api/users/" + IdKind.USER.next()), 404, "USER_NOT_FOUND");
        assertProblem(api.get("/api/users/nobody"), 404, "USER_NOT_FOUND");
        assertProblem(api.get("/api/orgs/" + orgId + "/members/" + outsider.id() + "?minPosition="
                + outsider.position()), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.get("/api/orgs/" + orgId + "/members/nobody"), 404, "MEMBER_NOT_FOUND");
    }

    @Test
    void pagesThroughMembersWithACursor() {
        Api api = new Api(port);
        String orgId = Fixtures.organization(api).id();
        List<String> userIds = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < 5; i++) {
            String userId = Fixtures.user(api).id();
            userIds.add(userId);
            last = Fixtures.member(api, orgId, userId).position();
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

        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(userIds);
    }

    @Test
    void emailsThatOnlyTheDatabaseFoldsAlikeAreBothReadable() {
        // Java lower-cases "\u0130" to "i\u0307", PostgreSQL to "i": the command side sees two emails.
        Api api = new Api(port);
        String tag = unique();
        Api.Response dotted = api.post("/api/users",
                "{\"email\":\"\u0130ris-" + tag + "@example.com\",\"displayName\":\"\u0130ris\"}");
        Api.Response plain = api.post("/api/users",
                "{\"email\":\"iris-" + tag + "@example.com\",\"displayName\":\"Iris\"}");
        assertThat(dotted.status()).as(dotted.body()).isEqualTo(201);
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);

        long position = Math.max(dotted.position(), plain.position());
        Api.Response first = api.get("/api/users/" + dotted.id() + "?minPosition=" + position);
        Api.Response second = api.get("/api/users/" + plain.id() + "?minPosition=" + position);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(first.json().get("email").asString()).isEqualTo("\u0130ris-" + tag + "@example.com");
    }

    private long registrationsOf(String email) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE payload_type LIKE '%.UserRegisteredEvent' AND lower(payload ->> 'email') = lower(?)""")
                .param(email)
                .query(Long.class)
                .single();
    }
}
