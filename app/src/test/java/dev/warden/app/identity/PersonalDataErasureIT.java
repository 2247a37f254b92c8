package dev.warden.app.identity;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Erasing a user's personal data through the API, end to end: sign-in impossible (answered like an
 * unknown email), read models erased, the audit trail keeps every fact with ids but no name or email,
 * the email (and an external account named by it) free for someone else, nothing of the person left in any read-model table; and who may ask.
 */
@WardenTest
class PersonalDataErasureIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api admin;
    private String orgId;

    @BeforeEach
    void setUp() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
    }

    @Test
    void erasureEndsSignInEmptiesReadModelsKeepsTheAuditAndFreesTheEmail() {
        Fixtures.SignedIn alice = Fixtures.signedInUser(admin, orgId);
        String name = displayName(alice);
        String otherOrg = Fixtures.organization(admin).id();
        String invitationId = Fixtures.invite(admin, otherOrg, Json.object("email", alice.email().toUpperCase()))
                .id();
        Api.Response accepted = alice.api().post("/api/orgs/" + otherOrg + "/invitations/" + invitationId + "/accept",
                null);
        assertThat(accepted.status()).as("addressed by the keyed hash of her email: " + accepted.body())
                .isEqualTo(200);
        Api.Response linked = alice.api().post("/api/me/accounts", Json.object("provider", "google",
                "providerAccountId", alice.email()));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(logText(alice.userId())).as("new events hold no plaintext email or name")
                .doesNotContainIgnoringCase(alice.email()).doesNotContain(name);

        Api.Response erased = alice.api().delete(erase(alice.userId()));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        Map<String, Object> signIn = Json.object("email", alice.email(), "password", Api.USER_PASSWORD);
        Map<String, Object> unknown = Json.object("email", "nobody-" + Fixtures.unique() + "@example.com",
                "password", Api.USER_PASSWORD);
        assertProblem(admin.anonymous().post("/api/sessions", signIn), 401, "INVALID_CREDENTIALS");
        assertProblem(admin.anonymous().post("/api/sessions", unknown), 401, "INVALID_CREDENTIALS");
        assertProblem(alice.api().get("/api/me"), 401, "AUTHENTICATION_REQUIRED");

        JsonNode member = Fixtures.items(admin.get("/api/orgs/" + orgId + "/members?minPosition="
                + erased.position())).stream().filter(m -> m.get("userId").asString().equals(alice.userId()))
                .findFirst().orElseThrow();
        assertThat(member.get("erased").asBoolean()).isTrue();
        assertThat(absent(member, "email")).isTrue();
        assertThat(absent(member, "displayName")).isTrue();
        assertThat(jdbc.sql("SELECT email_erased FROM invitations WHERE id = ? AND email IS NULL")
                .param(invitationId).query(Boolean.class).single()).isTrue();

        List<JsonNode> audit = Fixtures.items(admin.get("/api/orgs/" + otherOrg + "/audit?limit=200&minPosition="
                + erased.position()));
        assertThat(audit.stream().map(e -> e.get("actorId").asString())).as("facts keep their actor ids")
                .contains(alice.userId());
        assertThat(audit.toString()).doesNotContainIgnoringCase(alice.email()).doesNotContain(name);
        assertThat(leftovers(alice.email(), name)).as("read-model columns naming the erased person").isEmpty();

        Api.Response again = Fixtures.user(admin, orgId);
        Api.Response reused = admin.post("/api/orgs/" + orgId + "/users", Json.object("email", alice.email(),
                "displayName", "Someone Else", "password", Api.USER_PASSWORD));
        assertThat(reused.status()).as("the email is free again: " + reused.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(admin.anonymous().signIn(alice.email(), Api.USER_PASSWORD)).isNotBlank();
        Api.Response relinked = admin.anonymous().withToken(admin.anonymous().signIn(alice.email(), Api.USER_PASSWORD))
                .post("/api/me/accounts", Json.object("provider", "google", "providerAccountId", alice.email()));
        assertThat(relinked.status()).as("the external account is free again: " + relinked.body()).isEqualTo(201);
    }

    /** The throttle's row is keyed by a hash of the email's keyed hash: found here as the one a failed sign-in adds. */
    @Test
    void failedSignInsCountedForTheUserAreForgotten() {
        Fixtures.SignedIn frank = Fixtures.signedInUser(admin, orgId);
        List<String> before = throttleKeys();
        assertProblem(admin.anonymous().post("/api/sessions", Json.object("email", frank.email(),
                "password", "not-" + Api.USER_PASSWORD)), 401, "INVALID_CREDENTIALS");
        List<String> added = new ArrayList<>(throttleKeys());
        added.removeAll(before);
        assertThat(added).as("frank's failed sign-in").hasSize(1);

        Api.Response erased = admin.delete(erase(frank.userId()));

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(throttleKeys()).doesNotContain(added.get(0));
    }

    @Test
    void aRepeatChangesNothing() {
        Fixtures.SignedIn bob = Fixtures.signedInUser(admin, orgId);
        Api.Response first = admin.delete(erase(bob.userId()));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        long events = eventsOf(bob.userId());

        Api.Response second = admin.delete(erase(bob.userId()));

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(eventsOf(bob.userId())).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE '%.UserPersonalDataErasedEvent'")
                .param(bob.userId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theUserThemselfOrAnOperatorMayAnotherUserNotAndAnUnknownUserIsNotFound() {
        Fixtures.SignedIn carol = Fixtures.signedInUser(admin, orgId);
        Fixtures.SignedIn dave = Fixtures.signedInUser(admin, orgId);
        Api.Response key = admin.post("/api/orgs/" + orgId + "/api-keys",
                Json.object("name", "key " + Fixtures.unique(), "scopes", List.of("organizations:read")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        String secret = key.json().get("secret").asString();

        assertProblem(dave.api().delete(erase(carol.userId())), 403, "OPERATORS_ONLY");
        assertProblem(admin.anonymous().delete(erase(carol.userId())), 401, "AUTHENTICATION_REQUIRED");
        assertProblem(admin.anonymous().withToken(secret).delete(erase(carol.userId())), 403, "USERS_ONLY");
        assertProblem(admin.delete(erase(IdKind.USER.next())), 404, "USER_NOT_FOUND");
        assertProblem(admin.delete(erase("not-a-user-id")), 404, "USER_NOT_FOUND");
        assertThat(admin.anonymous().signIn(carol.email(), Api.USER_PASSWORD)).as("carol untouched").isNotBlank();

        assertThat(admin.delete(erase(carol.userId())).status()).as("an operator").isEqualTo(200);
        assertThat(dave.api().delete(erase(dave.userId())).status()).as("the user themself").isEqualTo(200);
    }

    /** The last-operator rule itself is in ErasureTest: the tests' database always has the bootstrap operator. */
    @Test
    void anOperatorErasesAnotherOperatorWhoseRoleEnds() {
        Fixtures.SignedIn erin = Fixtures.signedInUser(admin, orgId);
        Api.Response granted = admin.put("/api/users/" + erin.userId() + "/operator", null);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);

        Api.Response erased = admin.delete(erase(erin.userId()));

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM command_unique_names WHERE scope = 'operator' AND owner_id = ?")
                .param(erin.userId()).query(Long.class).single()).as("erin's operator claim").isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT operator FROM users WHERE id = ?").param(erin.userId()).query(Boolean.class).single())
                .isFalse());
    }

    private List<String> throttleKeys() {
        return jdbc.sql("SELECT key FROM sign_in_attempts").query(String.class).list();
    }

    private static String erase(String userId) {
        return "/api/users/" + userId + "/personal-data";
    }

    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode();
    }

    private String displayName(Fixtures.SignedIn user) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT display_name FROM users WHERE id = ?")
                .param(user.userId()).query(String.class).optional().orElse(null), n -> n != null);
    }

    private String logText(String userId) {
        return String.join("\n", jdbc.sql("SELECT payload::text FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(userId).query(String.class).list());
    }

    private long eventsOf(String userId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(userId)
                .query(Long.class).single();
    }

    /** "table.column" of every text column of the public schema (the event log aside) that holds a needle. */
    private List<String> leftovers(String email, String name) {
        List<String[]> columns = jdbc.sql("""
                        SELECT c.table_name, c.column_name FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                          AND c.data_type IN ('text', 'character varying', 'jsonb')
                          AND c.table_name NOT IN ('domain_event_entry', 'snapshot_event_entry')""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        List<String> found = new ArrayList<>();
        for (String[] column : columns) {
            long hits = jdbc.sql("SELECT count(*) FROM " + column[0] + " WHERE lower(" + column[1]
                            + "::text) LIKE '%' || lower(?) || '%' OR " + column[1] + "::text LIKE '%' || ? || '%'")
                    .params(email, name).query(Long.class).single();
            if (hits > 0) {
                found.add(column[0] + "." + column[1]);
            }
        }
        return found;
    }
}
