package dev.warden.app.security;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.command.identity.Totp;
import dev.warden.command.support.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a run that handles every kind of secret (passwords, session tokens, API key secrets, TOTP
 * secrets), none of them, nor a password hash, is in the log, a read model, the log output or a
 * response body (but the one-time answers that hand them out).
 */
@WardenTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsScanIT {

    /** Columns that hold secret material by design; checked on their own. */
    private static final Set<String> SECRET_COLUMNS = Set.of("user_passwords.hash", "user_totp.secret",
            "sessions.token_hash", "api_keys.secret_hash");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Plaintext secrets by what they are. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    /** Bodies of every response of the scenario but the one-time answers. */
    private final List<String> bodies = new ArrayList<>();

    @Test
    void noSecretLeavesItsPlace(CapturedOutput output) {
        Api admin = Api.admin(port);
        String orgId = record(Fixtures.organization(admin)).id();
        String tag = Fixtures.unique();
        String email = "secret-" + tag + "@example.com";
        String first = secret("password 1", "first Passphrase " + tag + " !");
        String second = secret("password 2", "second Passphrase " + tag + " ?");
        String rejected = secret("rejected password", "rejected Passphrase " + tag + " #");
        String anotherEmail = "secret2-" + tag + "@example.com";
        String another = secret("password 3", "third Passphrase " + tag + " %");

        // Registration, sign-in, password change.
        String userId = record(admin.post("/api/orgs/" + orgId + "/users", Json.object("email", email,
                "displayName", "Secret Holder", "password", first))).id();
        String otherId = record(admin.post("/api/orgs/" + orgId + "/users", Json.object("email", anotherEmail,
                "displayName", "Other Holder", "password", another))).id();
        Api user = admin.anonymous().withToken(secret("session 1", oneTimeSignIn(admin, email, first, null)));
        record(user.get("/api/me"));
        assertThat(record(user.put("/api/me/password", Json.object("currentPassword", first,
                "newPassword", second))).status()).isEqualTo(200);
        Api again = admin.anonymous().withToken(secret("session 2", oneTimeSignIn(admin, email, second, null)));
        record(again.get("/api/me/sessions"));

        // TOTP: enrol (one-time answer), confirm, sign in with a code.
        Api.Response enrolment = again.post("/api/me/totp", null);
        assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(201);
        String totpSecret = secret("totp secret", enrolment.json().get("secret").asString());
        long step = Totp.step(Instant.now());
        assertThat(record(again.post("/api/me/totp/confirm", Json.object("code", Totp.code(totpSecret, step))))
                .status()).isEqualTo(200);
        assertProblem(record(admin.anonymous().post("/api/sessions", signIn(email, second, null))), 401,
                "SECOND_FACTOR_REQUIRED");
        secret("session 3", oneTimeSignIn(admin, email, second, Totp.code(totpSecret, step + 1)));

        // API keys: issue (one-time answer), use, list.
        Api.Response issued = admin.post("/api/orgs/" + orgId + "/api-keys",
                Json.object("name", "scan key",
                        "scopes", List.of("organizations:read", "members:read", "api-keys:read")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String keySecret = secret("api key", issued.json().get("secret").asString());
        Api key = admin.anonymous().withToken(keySecret);
        assertThat(record(key.get("/api/orgs/" + orgId)).status()).isEqualTo(200);
        record(key.get("/api/orgs/" + orgId + "/members"));
        record(key.get("/api/orgs/" + orgId + "/api-keys"));
        record(key.patch("/api/orgs/" + orgId, Json.object("name", "with a key")));
        record(admin.get("/api/orgs/" + orgId + "/audit?limit=200"));
        record(admin.get("/api/orgs/" + orgId + "/activity?limit=200"));
        record(admin.get("/api/users/" + userId + "/sessions"));

        // Failures: wrong and old passwords, unknown emails, bad credentials, bad inputs carrying secrets.
        record(admin.anonymous().post("/api/sessions", signIn(email, first, null)));
        record(admin.anonymous().post("/api/sessions", signIn("nobody-" + tag + "@example.com", second, null)));
        record(admin.anonymous().post("/api/sessions", signIn(anotherEmail, rejected, null)));
        record(admin.anonymous().post("/api/sessions", Json.object("email", email, "password", second,
                "totpCode", totpSecret)));
        String forged = secret("forged key", "wdn_" + "forged" + tag + "forged" + tag);
        record(admin.anonymous().withToken(forged).get("/api/orgs/" + orgId));
        String forgedSession = secret("forged session", "wds_" + "forged" + tag + "forged" + tag);
        record(admin.anonymous().withToken(forgedSession).get("/api/me"));
        record(again.put("/api/me/password", Json.object("currentPassword", rejected, "newPassword", rejected)));
        record(again.put("/api/me/password", Json.object("currentPassword", second, "newPassword", "short")));
        record(admin.post("/api/orgs/" + orgId + "/users", Json.object("email", "not-an-email", "displayName", "X",
                "password", rejected)));
        record(admin.postRaw("/api/orgs/" + orgId + "/users", "{\"email\":\"bad-" + tag + "@example.com\","
                + "\"displayName\":\"X\",\"password\":\"" + rejected + "\""));
        record(admin.post("/api/orgs/" + orgId + "/users", Json.object("email", "bad-" + tag + "@example.com",
                "displayName", "X", "password", rejected, "passwordAgain", rejected)));
        record(admin.post("/api/orgs/" + orgId + "/users", Json.object("email", "bad-" + tag + "@example.com",
                "displayName", "X", "password", List.of(rejected))));
        record(admin.post("/api/orgs/" + orgId + "/users", Json.object("email", rejected + "@example.com",
                "displayName", "X", "password", rejected + "@example.com")));
        record(admin.anonymous().post("/api/sessions", Json.object("email", email, "password", rejected,
                "extra", rejected)));
        record(admin.anonymous().post("/api/sessions", Json.object("email", email, "password", 12345, "x", rejected)));
        record(admin.anonymous().sendRaw("POST", "/api/sessions", "email=" + email + "&password=" + rejected,
                "application/x-www-form-urlencoded"));
        record(again.post("/api/me/totp/disable", Json.object("code", rejected.substring(0, 10))));
        record(again.post("/api/me/accounts", Json.object("provider", "github", "providerAccountId", keySecret,
                "token", keySecret)));

        // The stored hashes are secrets too, and the secret columns hold hashes (or, for TOTP, the
        // shared secret, which the service needs to check codes).
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String id : List.of(userId, otherId)) {
            String hash = jdbc.sql("SELECT hash FROM user_passwords WHERE user_id = ?").param(id)
                    .query(String.class).single();
            assertThat(hash).startsWith("$argon2id$").doesNotContain(second).doesNotContain(first)
                    .doesNotContain(another);
            hashes.put("password hash of " + id, hash);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM user_passwords WHERE hash IN (?, ?, ?)")
                .params(first, second, another).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE user_id = ? AND token_hash IN (?, ?)")
                .params(userId, Secrets.sha256(secrets.get("session 1")), Secrets.sha256(secrets.get("session 2")))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE secret_hash = ?").param(Secrets.sha256(keySecret))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM user_totp WHERE user_id = ? AND secret IS NULL "
                        + "AND encrypted_secret IS NOT NULL").param(userId).query(Long.class).single())
                .as("the TOTP secret is kept only encrypted, in its own column").isEqualTo(1);

        Map<String, String> needles = new LinkedHashMap<>(secrets);
        needles.putAll(hashes);
        List<String> leaks = new ArrayList<>();
        scanLog(needles, leaks);
        scanTables(needles, leaks);
        for (String body : bodies) {
            scan("response body " + abbreviate(body), body, needles, leaks);
        }
        scan("log output", output.getAll(), needles, leaks);
        assertThat(leaks).as("secrets found outside their place").isEmpty();
    }

    private void scanLog(Map<String, String> needles, List<String> leaks) {
        for (String table : List.of("domain_event_entry", "snapshot_event_entry")) {
            jdbc.sql("SELECT coalesce(payload::text, '') || ' ' || coalesce(meta_data::text, '') FROM " + table)
                    .query(String.class).list()
                    .forEach(row -> scan(table + " " + abbreviate(row), row, needles, leaks));
        }
    }

    private void scanTables(Map<String, String> needles, List<String> leaks) {
        Map<String, List<String>> rows = StoredRows.everyTable(jdbc, SECRET_COLUMNS);
        assertThat(rows).containsKeys("users", "sessions", "api_keys", "user_passwords", "domain_event_entry");
        rows.forEach((table, list) -> list.forEach(row -> scan("table " + table + ": " + abbreviate(row), row, needles,
                leaks)));
    }

    private static void scan(String where, String text, Map<String, String> needles, List<String> leaks) {
        if (text == null) {
            return;
        }
        needles.forEach((what, needle) -> {
            if (text.contains(needle)) {
                leaks.add(what + " in " + where);
            }
        });
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private String secret(String what, String value) {
        secrets.put(what, value);
        return value;
    }

    private Api.Response record(Api.Response response) {
        bodies.add(response.body());
        bodies.add(response.headers().map().toString());
        return response;
    }

    private static Map<String, Object> signIn(String email, String password, String code) {
        Map<String, Object> body = Json.object("email", email, "password", password);
        if (code != null) {
            body.put("totpCode", code);
        }
        return body;
    }

    /** Signs in; the response is a one-time answer and not scanned. */
    private static String oneTimeSignIn(Api api, String email, String password, String code) {
        Api.Response response = api.anonymous().post("/api/sessions", signIn(email, password, code));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Cache-Control")).contains("no-store");
        String token = response.json().get("token").asString();
        assertThat(token).startsWith("wds_");
        assertThat(response.header("Set-Cookie")).contains("warden_session=").contains("HttpOnly")
                .contains("Secure").containsIgnoringCase("SameSite=Strict");
        return new String(token.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
