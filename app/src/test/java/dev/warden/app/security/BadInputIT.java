package dev.warden.app.security;

import static dev.warden.app.support.Problems.assertProblem;
import static dev.warden.app.support.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.RawHttp;
import dev.warden.app.support.WardenTest;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input to the identity and security endpoints: every case is a 4xx problem+json that names the
 * problem, and nothing reaches the log. Text is refused rather than changed: lone surrogates, and
 * invisible or reordering characters in names people read.
 */
@WardenTest
class BadInputIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    String orgId;
    Fixtures.SignedIn user;
    String users;

    @BeforeEach
    void setUp() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
        user = Fixtures.signedInUser(admin, orgId);
        users = "/api/orgs/" + orgId + "/users";
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFields() {
        long head = SecurityFixtures.logHead(jdbc);
        String email = "bad-" + Fixtures.unique() + "@example.com";
        String valid = "\"email\":\"" + email + "\",\"displayName\":\"Bad Input\",\"password\":\""
                + Api.USER_PASSWORD + "\"";
        List<Api.Response> malformed = new ArrayList<>();
        malformed.add(admin.postRaw(users, "{" + valid));
        malformed.add(admin.postRaw(users, "{" + valid + ",}"));
        malformed.add(admin.postRaw(users, "not json at all"));
        malformed.add(admin.postRaw(users, "[]"));
        malformed.add(admin.postRaw(users, "{\"email\":{\"a\":1},\"displayName\":\"X\",\"password\":\""
                + Api.USER_PASSWORD + "\"}"));
        malformed.add(admin.postRaw(users, "{\"email\":\"" + email + "\",\"displayName\":\"X\",\"password\":[\"a\"]}"));
        malformed.add(admin.postRaw(users, "{" + valid + ",\"admin\":true}"));
        malformed.add(admin.postRaw(users, "{" + valid + ",\"organizationId\":\"" + orgId + "\"}"));
        malformed.add(admin.anonymous().postRaw("/api/sessions", "{\"email\":\"" + user.email() + "\",\"password\":\""
                + Api.USER_PASSWORD + "\",\"actorId\":\"usr_0\"}"));
        malformed.add(admin.anonymous().postRaw("/api/sessions", "{\"email\":\"" + user.email() + "\""));
        malformed.add(admin.anonymous().postRaw("/api/sessions", "{\"email\":[\"" + user.email() + "\"],\"password\":\""
                + Api.USER_PASSWORD + "\"}"));
        malformed.add(user.api().putRaw("/api/me/password", "{\"currentPassword\":\"" + Api.USER_PASSWORD
                + "\",\"newPassword\":{\"x\":1}}"));
        malformed.add(user.api().patchRaw("/api/me", "{\"displayName\":\"X\",\"role\":\"Admin\"}"));
        malformed.add(user.api().postRaw("/api/me/totp/confirm", "{\"code\":123456,\"extra\":1}"));
        malformed.add(admin.postRaw("/api/orgs/" + orgId + "/api-keys",
                "{\"name\":\"k\",\"scopes\":\"members:read\"}"));
        malformed.add(admin.postRaw("/api/orgs/" + orgId + "/api-keys", "{\"name\":\"k\",\"scopes\":[\"members:read\"],"
                + "\"expiresAt\":\"tomorrow\"}"));
        malformed.add(admin.postRaw("/api/orgs/" + orgId + "/api-keys", "{\"name\":\"k\",\"scopes\":[\"members:read\"],"
                + "\"secret\":\"wdn_chosen\"}"));
        for (Api.Response response : malformed) {
            assertProblem(response, 400, "MALFORMED_BODY");
            assertThat(response.json().path("detail").asString()).isNotBlank();
        }
        assertThat(SecurityFixtures.logHead(jdbc)).as("nothing written").isEqualTo(head);
    }

    @Test
    void invalidEmailsWeakPasswordsAndOverlongStrings() {
        long head = SecurityFixtures.logHead(jdbc);
        String email = "weak-" + Fixtures.unique() + "@example.com";
        for (String invalid : List.of("not-an-email", "a@b", "two@@example.com", "spaces in@example.com",
                "x@example.com\u0007", "@example.com")) {
            assertProblem(admin.post(users, register(invalid, "Name", Api.USER_PASSWORD)), 400, "INVALID_EMAIL");
        }
        assertInvalidField(admin.post(users, register("", "Name", Api.USER_PASSWORD)), "email");
        assertInvalidField(admin.post(users, register("a".repeat(250) + "@example.com", "Name", Api.USER_PASSWORD)),
                "email");
        assertInvalidField(admin.post(users, register(email, "x".repeat(101), Api.USER_PASSWORD)), "displayName");
        assertInvalidField(admin.post(users, register(email, "Name", "p".repeat(513))), "password");
        assertInvalidField(admin.anonymous().post("/api/sessions", Json.object("email",
                "e".repeat(300) + "@example.com", "password", "x")), "email");
        assertInvalidField(admin.anonymous().post("/api/sessions", Json.object("email", user.email(),
                "password", "p".repeat(600))), "password");
        assertInvalidField(admin.anonymous().post("/api/sessions", Json.object("email", user.email(), "password", "x",
                "totpCode", "1".repeat(40))), "totpCode");
        assertInvalidField(admin.post("/api/orgs/" + orgId + "/api-keys", Json.object("name", "k".repeat(101),
                "scopes", List.of("members:read"))), "name");
        assertInvalidField(user.api().patch("/api/me", Json.object("displayName", "d".repeat(101))), "displayName");

        for (String weak : List.of("short", "aaaaaaaaaaaaaaaa", "abababababababab", "abcdabcdabcdabcd",
                "p".repeat(64) + "q".repeat(65) + "r", email, email.toUpperCase(), "twelve chars\u0001x")) {
            Api.Response response = admin.post(users, register(email, "Name", weak));
            assertProblem(response, 400, "INVALID_PASSWORD");
            assertThat(response.json().path("detail").asString()).isNotBlank();
        }
        assertProblem(user.api().put("/api/me/password", Json.object("currentPassword", Api.USER_PASSWORD,
                "newPassword", "aaaaaaaaaaaaaaaa")), 400, "INVALID_PASSWORD");
        assertProblem(user.api().put("/api/me/password", Json.object("currentPassword", Api.USER_PASSWORD,
                "newPassword", "short")), 400, "INVALID_PASSWORD");
        assertProblem(user.api().patch("/api/me", Json.object("email", "not-an-email")), 400, "INVALID_EMAIL");
        assertThat(SecurityFixtures.logHead(jdbc)).as("nothing written").isEqualTo(head);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(?)").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void nulCharactersAndNonUtf8Bytes() {
        long head = SecurityFixtures.logHead(jdbc);
        String email = "nul-" + Fixtures.unique() + "@example.com";
        List<Api.Response> responses = new ArrayList<>();
        responses.add(admin.post(users, register(email, "Nul\u0000Name", Api.USER_PASSWORD)));
        responses.add(admin.post(users, register(email, "Name", "correct horse\u0000battery")));
        responses.add(admin.post(users, register("nul\u0000" + email, "Name", Api.USER_PASSWORD)));
        responses.add(admin.anonymous().post("/api/sessions", Json.object("email", user.email() + "\u0000",
                "password", Api.USER_PASSWORD)));
        responses.add(admin.anonymous().post("/api/sessions", Json.object("email", user.email(),
                "password", Api.USER_PASSWORD + "\u0000")));
        responses.add(user.api().patch("/api/me", Json.object("displayName", "Nul\u0000")));
        responses.add(user.api().post("/api/me/accounts", Json.object("provider", "github",
                "providerAccountId", "a\u0000b")));
        responses.add(admin.post("/api/orgs/" + orgId + "/api-keys", Json.object("name", "nul\u0000key",
                "scopes", List.of("members:read"))));
        responses.add(admin.patch("/api/orgs/" + orgId, Json.object("name", "Nul\u0000Org")));
        for (Api.Response response : responses) {
            assertThat(response.status()).as(response.body()).isBetween(400, 499);
            assertThat(response.isProblem()).as(response.body()).isTrue();
            assertThat(response.code()).as(response.body()).isNotBlank();
        }

        byte[] invalidUtf8 = bytes("{\"email\":\"", new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3},
                "@example.com\",\"displayName\":\"Bytes\",\"password\":\"" + Api.USER_PASSWORD + "\"}");
        Map<String, String> auth = Map.of("Authorization", "Bearer " + Api.admin(port).signIn(Api.ADMIN_EMAIL,
                Api.ADMIN_PASSWORD));
        head = SecurityFixtures.logHead(jdbc);
        List<Api.Response> raw = new ArrayList<>();
        raw.add(SecurityFixtures.raw(port, "POST", users, invalidUtf8, "application/json", auth));
        raw.add(SecurityFixtures.raw(port, "POST", users, invalidUtf8, "application/json;charset=UTF-8", auth));
        raw.add(SecurityFixtures.raw(port, "POST", "/api/sessions", bytes("{\"email\":\"", new byte[] {(byte) 0xc0,
                (byte) 0x80}, "\",\"password\":\"x\"}"), "application/json", Map.of()));
        raw.add(SecurityFixtures.raw(port, "PATCH", "/api/orgs/" + orgId, bytes("{\"name\":\"", new byte[] {(byte) 0xed,
                (byte) 0xa0, (byte) 0x80}, "\"}"), "application/json", auth));
        raw.add(SecurityFixtures.raw(port, "POST", users, bytes("{\"email\":\"", new byte[] {0},
                "x@example.com\",\"displayName\":\"Raw\",\"password\":\"" + Api.USER_PASSWORD + "\"}"),
                "application/json", auth));
        for (Api.Response response : raw) {
            assertThat(response.status()).as(response.body()).isBetween(400, 499);
            assertThat(response.isProblem()).as(response.body()).isTrue();
            assertThat(response.code()).as(response.body()).isNotBlank();
        }
        assertThat(SecurityFixtures.logHead(jdbc)).as("nothing written").isEqualTo(head);
    }

    @Test
    void wrongMediaTypesAreRefused() {
        long head = SecurityFixtures.logHead(jdbc);
        Api.Response form = admin.sendRaw("POST", users, "email=a@example.com&password=x",
                "application/x-www-form-urlencoded");
        assertThat(form.status()).as(form.body()).isEqualTo(415);
        assertThat(form.isProblem()).isTrue();
        Api.Response text = admin.sendRaw("PATCH", "/api/orgs/" + orgId, "{\"name\":\"Text\"}", "text/plain");
        assertThat(text.status()).as(text.body()).isEqualTo(415);
        Api.Response empty = admin.sendRaw("POST", users, "", "application/json");
        assertProblem(empty, 400, "MALFORMED_BODY");
        assertThat(SecurityFixtures.logHead(jdbc)).as("nothing written").isEqualTo(head);
    }

    @Test
    void oversizedBodiesAreRefusedWithoutBeingRead() {
        long head = SecurityFixtures.logHead(jdbc);
        String padding = " ".repeat(2 * 1024 * 1024);
        // Valid JSON, valid values, but more than 1 MB: refused for its size.
        List<Api.Response> responses = new ArrayList<>();
        responses.add(refused(() -> user.api().patchRaw("/api/me", "{\"displayName\":\"Big Body\"" + padding + "}")));
        responses.add(refused(() -> admin.patchRaw("/api/orgs/" + orgId, "{\"name\":\"Big Body\"" + padding + "}")));
        responses.add(refused(() -> admin.anonymous().postRaw("/api/sessions", "{\"email\":\"" + user.email()
                + "\",\"password\":\"" + Api.USER_PASSWORD + "\"" + padding + "}")));
        responses.add(refused(() -> admin.post(users, Json.object("email", "big-" + Fixtures.unique() + "@example.com",
                "displayName", "b".repeat(2 * 1024 * 1024), "password", Api.USER_PASSWORD))));
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            Api.Response response = responses.get(i);
            if (response.status() < 400 || response.status() > 499 || !response.isProblem()) {
                accepted.add("#" + i + " " + response.status() + " " + abbreviate(response.body()));
            }
        }
        assertThat(accepted).as("bodies over 1 MB that were not refused").isEmpty();
        assertThat(SecurityFixtures.logHead(jdbc)).as("nothing written").isEqualTo(head);
    }

    /**
     * Sends an oversized request. The service answers 413 and closes the connection without reading the
     * body, so the client may have reused a connection the previous refusal was closing ("no bytes");
     * such a request is sent once more, on a new connection.
     */
    private static Api.Response refused(Supplier<Api.Response> request) {
        try {
            return request.get();
        } catch (UncheckedIOException closedUnderfoot) {
            return request.get();
        }
    }

    @Test
    void loneSurrogatesAreRefusedNamingTheField() {
        String email = "lone-" + Fixtures.unique() + "@example.com";
        Api.Response role = Fixtures.role(admin, orgId, "Whole " + Fixtures.unique());
        long head = SecurityFixtures.logHead(jdbc);
        String lone = "\ud800";
        String lowAtEnd = "\udc00";

        assertInvalidField(admin.post(users, register(email, "Half" + lone + "name", Api.USER_PASSWORD)),
                "displayName");
        assertInvalidField(admin.post(users, register(email, "Name", "correct horse battery" + lowAtEnd)), "password");
        assertInvalidField(admin.post(users, register(email, "Name", "correct " + lone + "horse battery")), "password");
        assertInvalidField(admin.anonymous().post("/api/sessions", Json.object("email", user.email(),
                "password", Api.USER_PASSWORD + lowAtEnd)), "password");
        assertInvalidField(user.api().put("/api/me/password", Json.object("currentPassword", Api.USER_PASSWORD,
                "newPassword", "another good passphrase" + lone)), "newPassword");
        assertInvalidField(user.api().patch("/api/me", Json.object("displayName", lone)), "displayName");
        assertInvalidField(admin.post("/api/orgs", Json.object("name", "Org" + lone)), "name");
        assertInvalidField(admin.patch("/api/orgs/" + orgId, Json.object("name", "Org" + lowAtEnd)), "name");
        assertInvalidField(admin.post("/api/orgs/" + orgId + "/roles", Json.object("name", "Role" + lone)), "name");
        assertInvalidField(admin.put("/api/orgs/" + orgId + "/roles/" + role.id(), Json.object("name", "R" + lone)),
                "name");
        assertInvalidField(admin.post("/api/orgs/" + orgId + "/api-keys", Json.object("name", "key",
                "scopes", List.of("members:read", "members:read" + lone))), "scopes[1]");
        assertInvalidField(user.api().post("/api/orgs/" + orgId + "/access-requests", Json.object("roleId", role.id(),
                "justification", "Need" + lone)), "justification");

        assertThat(SecurityFixtures.logHead(jdbc)).as("nothing written").isEqualTo(head);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(?)").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void invisibleAndReorderingCharactersAreRefusedInNamesPeopleRead() {
        Api.Response role = Fixtures.role(admin, orgId, "Requested " + Fixtures.unique());
        Api.Response requested = user.api().post("/api/orgs/" + orgId + "/access-requests", Json.object("roleId",
                role.id(), "justification", "I need it"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        long head = SecurityFixtures.logHead(jdbc);
        String base = "/api/orgs/" + orgId;
        List<String> forbidden = List.of("202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069",
                "200B", "200C", "200D", "2060", "FEFF");
        for (String code : forbidden) {
            Api.Response response = admin.post("/api/orgs",
                    Json.object("name", "Acme" + (char) Integer.parseInt(code, 16) + "Corp"));
            assertProblem(response, 400, "INVALID_NAME");
            assertThat(response.json().get("detail").asString()).contains("U+" + code);
        }
        String rlo = "\u202E";
        String zeroWidth = "\u200B";
        assertProblem(admin.patch(base, Json.object("name", "gro" + rlo + "emca")), 400, "INVALID_NAME");
        assertProblem(admin.post(users, register("rlo-" + Fixtures.unique() + "@example.com", "Eve" + rlo + "lyn",
                Api.USER_PASSWORD)), 400, "INVALID_NAME");
        assertProblem(admin.post(users, register("zw" + zeroWidth + Fixtures.unique() + "@example.com", "Zed",
                Api.USER_PASSWORD)), 400, "INVALID_EMAIL");
        assertProblem(user.api().patch("/api/me", Json.object("displayName", "Ad" + zeroWidth + "min")), 400,
                "INVALID_NAME");
        assertProblem(admin.post(base + "/roles", Json.object("name", "Admin" + zeroWidth)), 400, "INVALID_ROLE_NAME");
        assertProblem(admin.put(base + "/roles/" + role.id(), Json.object("name", "Re" + rlo + "named")), 400,
                "INVALID_ROLE_NAME");
        assertProblem(admin.post(base + "/roles", Json.object("name", "Described " + Fixtures.unique(),
                "description", "line one\nline" + rlo + " two")), 400, "INVALID_ROLE_DESCRIPTION");
        assertProblem(admin.post(base + "/api-keys", Json.object("name", "ci" + rlo,
                "scopes", List.of("members:read"))),
                400, "INVALID_API_KEY");
        assertProblem(user.api().post("/api/me/accounts", Json.object("provider", "github",
                "providerAccountId", "a" + zeroWidth + "b")), 400, "INVALID_PROVIDER");
        assertProblem(user.api().post(base + "/access-requests", Json.object("roleId", role.id(),
                "justification", "Please" + rlo)), 400, "INVALID_TEXT");
        assertProblem(admin.post(base + "/access-requests/" + requested.id() + "/deny", Json.object("reason",
                "No" + zeroWidth)), 400, "INVALID_TEXT");
        assertThat(SecurityFixtures.logHead(jdbc)).as("nothing written").isEqualTo(head);

        Api.Response international = admin.post("/api/orgs", Json.object("name",
                "Équipe Ørsted 🚀 مرحبا " + Fixtures.unique()));
        assertThat(international.status()).as(international.body()).isEqualTo(201);
    }

    @Test
    void controlCharactersInAHeaderAreAProblemNotAnHtmlPage() {
        for (String value : List.of("Bearer \u0001abc", "Bearer abc\u0000", "Bearer a\u007fb", "Bearer \u001b[31m")) {
            for (String accept : List.of("text/html", "application/json")) {
                Api.Response response = RawHttp.send(port, "GET", "/api/me", Map.of("Authorization", value,
                        "Accept", accept));
                assertThat(response.body()).doesNotContain("<html");
                assertProblem(response, 400, "MALFORMED_REQUEST");
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static void assertInvalidField(Api.Response response, String field) {
        assertProblem(response, 400, "INVALID_INPUT");
        assertThat(errorFields(response)).as(response.body()).contains(field);
    }

    private static Map<String, Object> register(String email, String displayName, String password) {
        return Json.object("email", email, "displayName", displayName, "password", password);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
