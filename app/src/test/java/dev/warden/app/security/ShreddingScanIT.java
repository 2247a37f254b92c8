package dev.warden.app.security;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * After a run that stores, rotates, reveals and destroys a credential and erases a person, none of
 * the credential's secret values, nor the person's password, session token, email or name, is in the
 * event log, any table, the service's log output or a response (but the authorized reveal, and what
 * the person's own reads answered before the erasure); nor, in the log or a table, even the masks that
 * reads of the credential showed before it was destroyed.
 */
@WardenTest
@ExtendWith(OutputCaptureExtension.class)
class ShreddingScanIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** What must not be found, by what it is. */
    private final Map<String, String> needles = new LinkedHashMap<>();
    /** Pieces of the credential's secrets (their masks), which reads showed before the destroy but no store may keep. */
    private final Map<String, String> pieces = new LinkedHashMap<>();
    /** Bodies and headers of the responses that may hold no needle at all. */
    private final List<String> bodies = new ArrayList<>();

    @Test
    void noSecretNorErasedPersonIsLeftAnywhere(CapturedOutput output) {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String base = "/api/orgs/" + orgId;
        String tag = Fixtures.unique();

        // A credential stored, read, revealed (the one answer not scanned), rotated, destroyed.
        String keyId = needle("access key id 1", accessKeyId(tag, 'A'));
        String secretKey = needle("secret access key 1", secretAccessKey(tag, 'a'));
        Api.Response stored = record(admin.post(base + "/credentials", Json.object("name", "Deployer " + tag,
                "provider", "aws", "credentialTypeId", "ctp_system-aws-access-key",
                "values", Map.of("access_key_id", keyId, "secret_access_key", secretKey, "region", "eu-west-1"))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String credentialId = stored.id();
        String credential = base + "/credentials/" + credentialId;
        Api.Response revealed = admin.post(credential + "/reveal", null);
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.json().get("values").get("secret_access_key").asString()).isEqualTo(secretKey);
        String rotatedKeyId = needle("access key id 2", accessKeyId(tag, 'B'));
        String rotatedSecret = needle("secret access key 2", secretAccessKey(tag, 'b'));
        Api.Response rotated = record(admin.post(credential + "/rotate", Json.object("values",
                Map.of("access_key_id", rotatedKeyId, "secret_access_key", rotatedSecret, "region", "eu-west-1"))));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        record(admin.get(credential + "?minPosition=" + rotated.position()));
        record(admin.get(base + "/credentials?minPosition=" + rotated.position()));
        record(admin.post(base + "/credentials", Json.object("name", "Bad " + tag, "provider", "aws",
                "credentialTypeId", "ctp_system-aws-access-key",
                "values", Map.of("access_key_id", secretKey, "secret_access_key", keyId, "region", "eu-west-1"))));
        Api.Response destroyed = record(admin.post(credential + "/destroy", null));
        assertThat(destroyed.status()).as(destroyed.body()).isEqualTo(200);
        assertProblem(record(admin.post(credential + "/reveal", null)), 410, "SECRET_ERASED");

        // A person registered, signed in, reading their own data, then erased.
        String email = needle("email", "zelda-" + tag + "@example.com");
        String name = needle("display name", "Zelda Quintanilla " + tag);
        needle("email in capitals", email.toUpperCase(Locale.ROOT));
        String password = needle("password", "Zelda's passphrase " + tag + " !");
        Api.Response registered = record(admin.post(base + "/users", Json.object("email", email,
                "displayName", name, "password", password)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String userId = registered.id();
        String token = needle("session token", admin.anonymous().signIn(email, password));
        Api zelda = admin.anonymous().withToken(token);
        assertThat(zelda.get("/api/me").body()).as("her own read, before the erasure").contains(email);
        Api.Response renamed = zelda.patch("/api/me", Json.object("displayName", name + " Jr"));
        assertThat(renamed.status()).as(renamed.body()).isLessThan(300);
        needle("new display name", name + " Jr");
        Api.Response erased = zelda.delete("/api/users/" + userId + "/personal-data");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        bodies.add(erased.body());

        long after = erased.position();
        record(admin.get(base + "/members?minPosition=" + after));
        record(admin.get(base + "/members/" + userId + "?minPosition=" + after));
        record(admin.get(base + "/audit?limit=200&minPosition=" + after));
        record(admin.get(base + "/activity?limit=200&minPosition=" + after));
        record(admin.anonymous().post("/api/sessions", Json.object("email", email, "password", password)));
        record(zelda.get("/api/me"));

        List.of(keyId, secretKey, rotatedKeyId, rotatedSecret).forEach(value -> pieces.put("mask of " + value,
                value.substring(0, 4) + "****" + value.substring(value.length() - 4)));
        List<String> leaks = new ArrayList<>();
        jdbc.sql("SELECT coalesce(payload::text, '') || ' ' || coalesce(meta_data::text, '') FROM domain_event_entry "
                + "UNION ALL SELECT coalesce(payload::text, '') FROM snapshot_event_entry")
                .query(String.class).list().forEach(row -> scan("the event log or a snapshot", row, leaks, pieces));
        everyTable().forEach((table, rows) -> rows.forEach(row -> scan("table " + table, row, leaks, pieces)));
        bodies.forEach(body -> scan("a response", body, leaks));
        scan("the service's log output", output.getAll(), leaks);
        assertThat(leaks).as("secrets or erased personal data found").isEmpty();
    }

    /** Every row of every table, by table ({@link StoredRows}); the tables the scenario writes must be among them. */
    private Map<String, List<String>> everyTable() {
        Map<String, List<String>> rows = StoredRows.everyTable(jdbc, Set.of());
        assertThat(rows).containsKeys("users", "members", "cloud_provider_credentials", "data_keys",
                "user_totp", "command_unique_names");
        return rows;
    }

    private void scan(String where, String text, List<String> leaks) {
        scan(where, text, leaks, Map.of());
    }

    private void scan(String where, String text, List<String> leaks, Map<String, String> alsoPieces) {
        Map<String, String> all = new LinkedHashMap<>(needles);
        all.putAll(alsoPieces);
        all.forEach((what, needle) -> {
            if (text != null && text.contains(needle)) {
                leaks.add(what + " in " + where + ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
            }
        });
    }

    private String needle(String what, String value) {
        needles.put(what, value);
        return value;
    }

    private Api.Response record(Api.Response response) {
        bodies.add(response.body());
        bodies.add(response.headers().map().toString());
        return response;
    }

    /** An AWS-shaped access key id ("AKIA" and 16 capitals or digits) unique to this run. */
    private static String accessKeyId(String tag, char fill) {
        String body = (tag.toUpperCase(Locale.ROOT) + String.valueOf(fill).repeat(16)).substring(0, 16);
        return "AKIA" + body;
    }

    /** An AWS-shaped secret access key (40 characters of [A-Za-z0-9/+=]) unique to this run. */
    private static String secretAccessKey(String tag, char fill) {
        return (tag + "/K7MDENG+" + String.valueOf(fill).repeat(40)).substring(0, 40);
    }
}
