package dev.warden.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * What most API tests start from: an organization, users, members and roles, each with a unique
 * name, because all tests share one database that is never emptied.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A short random token to make names and emails unique. */
    public static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** Creates an organization; the response carries its id and position. */
    public static Api.Response organization(Api api) {
        return created(api.post("/api/orgs", Json.object("name", "Org " + unique())));
    }

    /**
     * Registers a user with a unique email (user-TAG@example.com) and the password
     * {@link Api#USER_PASSWORD}, invited by {@code orgId}: they are a member there, as a Viewer.
     */
    public static Api.Response user(Api api, String orgId) {
        String tag = unique();
        return created(api.post("/api/orgs/" + orgId + "/users", Json.object("email", "user-" + tag + "@example.com",
                "displayName", "User " + tag, "password", Api.USER_PASSWORD)));
    }

    /** Registers a user in {@code orgId} (as {@link #user}) and answers a client signed in as them. */
    public static SignedIn signedInUser(Api api, String orgId) {
        String tag = unique();
        String email = "user-" + tag + "@example.com";
        Api.Response created = created(api.post("/api/orgs/" + orgId + "/users", Json.object("email", email,
                "displayName", "User " + tag, "password", Api.USER_PASSWORD)));
        return new SignedIn(created.id(), email, created.position(), api.as(email));
    }

    /** A registered user, their email, the position of their registration, and a client signed in as them. */
    public record SignedIn(String userId, String email, long position, Api api) {
    }

    /** Invites the existing {@code user} into {@code orgId} and accepts as them: they join as a Viewer. */
    public static Api.Response member(Api api, String orgId, SignedIn user) {
        String invitationId = invite(api, orgId, Json.object("userId", user.userId())).id();
        Api.Response accepted = user.api().post("/api/orgs/" + orgId + "/invitations/" + invitationId + "/accept", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return accepted;
    }

    /** Invites the person {@code body} names (a userId or an email) into {@code orgId}. */
    public static Api.Response invite(Api api, String orgId, Object body) {
        return created(api.post("/api/orgs/" + orgId + "/invitations", body));
    }

    /** Creates a custom role named {@code name} without permissions. */
    public static Api.Response role(Api api, String orgId, String name) {
        return created(api.post("/api/orgs/" + orgId + "/roles", Json.object("name", name)));
    }

    /** The items of a page response. */
    public static List<JsonNode> items(Api.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }

    /** The text values of a JSON array. */
    public static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    /** The id of the system role named {@code name}, as the organization's role list shows it. */
    public static String systemRole(Api api, String orgId, long minPosition, String name) {
        return items(api.get("/api/orgs/" + orgId + "/roles?minPosition=" + minPosition)).stream()
                .filter(r -> r.get("system").asBoolean() && r.get("name").asString().equals(name))
                .map(r -> r.get("id").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no system role " + name));
    }

    /** The position of the organization's newest event in its audit trail. */
    public static long newestAuditPosition(Api api, String orgId, long minPosition) {
        return items(api.get("/api/orgs/" + orgId + "/audit?limit=1&minPosition=" + minPosition)).get(0)
                .get("position").asLong();
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }
}
