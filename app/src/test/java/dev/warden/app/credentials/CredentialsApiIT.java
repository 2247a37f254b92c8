package dev.warden.app.credentials;

import static dev.warden.app.credentials.CredentialFixtures.ACCESS_KEY_ID;
import static dev.warden.app.credentials.CredentialFixtures.AWS_TYPE;
import static dev.warden.app.credentials.CredentialFixtures.SECRET_ACCESS_KEY;
import static dev.warden.app.credentials.CredentialFixtures.awsValues;
import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The credentials API as a team walks through it: the seeded types and an organization's own, a
 * cloud credential stored (masks only in reads, ciphertext only in the log), revealed (plaintext once,
 * never cached, an event the audit trail shows with who and from where), rotated, destroyed (410 after,
 * the read model says erased), an app credential revoked, and workspace variables that refer to them.
 */
@WardenTest
class CredentialsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void storesRevealsRotatesAndDestroysACloudCredential() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String base = "/api/orgs/" + orgId;

        assertThat(items(admin.get(base + "/credential-types?limit=100")))
                .filteredOn(t -> t.get("system").asBoolean()).extracting(t -> t.get("provider").asString())
                .containsExactlyInAnyOrder("aws", "azure", "gcp");
        Api.Response stored = CredentialFixtures.storeAws(admin, orgId);
        String id = stored.id();
        assertThat(id).startsWith("cred_");
        assertThat(stored.header("Location")).isEqualTo(base + "/credentials/" + id);
        JsonNode view = ok(admin.get(base + "/credentials/" + id + "?minPosition=" + stored.position())).json();
        assertThat(view.get("fields").toString()).isEqualTo("{\"access_key_id\":{\"secret\":true,\"value\":\"AKIA****MPLE\"},"
                + "\"region\":{\"secret\":false,\"value\":\"eu-west-1\"},"
                + "\"secret_access_key\":{\"secret\":true,\"value\":\"wJal****EKEY\"}}");
        assertThat(view.get("provider").asString()).isEqualTo("aws");
        assertThat(view.get("version").asInt()).isEqualTo(1);
        assertThat(view.get("status").asString()).isEqualTo("active");
        assertThat(view.get("createdBy").asString()).startsWith("usr_");
        assertThat(view.toString()).doesNotContain(SECRET_ACCESS_KEY).doesNotContain(ACCESS_KEY_ID);
        assertThat(items(admin.get(base + "/credentials"))).extracting(c -> c.get("id").asString()).containsExactly(id);
        String log = jdbc.sql("SELECT string_agg(payload::text, ' ') FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(String.class).single();
        assertThat(log).as("the log holds ciphertext only, not even the masks").contains("ciphertext")
                .doesNotContain("wJal****EKEY").doesNotContain("AKIA****").doesNotContain(SECRET_ACCESS_KEY)
                .doesNotContain(ACCESS_KEY_ID);

        Api.Response revealed = admin.post(base + "/credentials/" + id + "/reveal", null);
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.header("Cache-Control")).contains("no-store");
        assertThat(revealed.json().get("version").asInt()).isEqualTo(1);
        assertThat(revealed.json().get("values").get("secret_access_key").asString()).isEqualTo(SECRET_ACCESS_KEY);
        assertThat(revealed.json().get("values").get("access_key_id").asString()).isEqualTo(ACCESS_KEY_ID);
        JsonNode reveal = await().atMost(Duration.ofSeconds(10)).until(() -> items(admin.get(base
                + "/audit?eventType=CredentialRevealedEvent")), l -> !l.isEmpty()).get(0);
        assertThat(reveal.get("entityId").asString()).isEqualTo(id);
        assertThat(reveal.get("actorId").asString()).isEqualTo(view.get("createdBy").asString());
        assertThat(reveal.get("actorType").asString()).isEqualTo("user");
        assertThat(reveal.get("clientAddress").asString()).isNotBlank();
        assertThat(reveal.get("payload").get("version").asInt()).isEqualTo(1);
        assertThat(reveal.toString()).doesNotContain(SECRET_ACCESS_KEY);
        JsonNode afterReveal = ok(admin.get(base + "/credentials/" + id + "?minPosition="
                + reveal.get("position").asLong())).json();
        assertThat(afterReveal.get("lastRevealedBy").asString()).isEqualTo(view.get("createdBy").asString());
        assertThat(afterReveal.get("lastRevealedVersion").asInt()).isEqualTo(1);

        String newSecret = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy";
        Api.Response rotated = ok(admin.post(base + "/credentials/" + id + "/rotate",
                Json.object("values", awsValues("AKIAI44QH8DHBEXAMPLE", newSecret))));
        JsonNode afterRotation = ok(admin.get(base + "/credentials/" + id + "?minPosition=" + rotated.position())).json();
        assertThat(afterRotation.get("version").asInt()).isEqualTo(2);
        assertThat(afterRotation.get("rotatedBy").asString()).startsWith("usr_");
        assertThat(afterRotation.get("fields").get("secret_access_key").get("value").asString()).isEqualTo("Zm9v****YmFy");
        assertThat(admin.post(base + "/credentials/" + id + "/reveal", null).json().get("values")
                .get("secret_access_key").asString()).isEqualTo(newSecret);

        Api.Response destroyed = ok(admin.post(base + "/credentials/" + id + "/destroy", null));
        Api.Response gone = admin.post(base + "/credentials/" + id + "/reveal", null);
        assertProblem(gone, 410, "SECRET_ERASED");
        assertThat(gone.json().get("detail").asString()).contains("erased");
        JsonNode erased = ok(admin.get(base + "/credentials/" + id + "?minPosition=" + destroyed.position())).json();
        assertThat(erased.get("status").asString()).isEqualTo("destroyed");
        assertThat(erased.get("secretErased").asBoolean()).isTrue();
        assertThat(erased.get("fields").isEmpty()).isTrue();
        assertThat(jdbc.sql("SELECT keyset IS NULL AND destroyed_at IS NOT NULL FROM data_keys WHERE subject_id = ?")
                .param(id).query(Boolean.class).single()).as("the data key is shredded").isTrue();
        assertProblem(admin.post(base + "/credentials/" + id + "/rotate", Json.object("values",
                awsValues(ACCESS_KEY_ID, SECRET_ACCESS_KEY))), 410, "SECRET_ERASED");
    }

    @Test
    void anAppCredentialOfTheOrganizationsOwnTypeIsRevokedAndThenNotRevealed() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String base = "/api/orgs/" + orgId;
        Api.Response type = created(admin.post(base + "/credential-types", Json.object("name", "GitHub token",
                "fields", List.of(Json.object("name", "token", "secret", true, "required", true,
                        "pattern", "ghp_[A-Za-z0-9]{36}"), Json.object("name", "owner")))));
        JsonNode typeView = ok(admin.get(base + "/credential-types/" + type.id() + "?minPosition=" + type.position()))
                .json();
        assertThat(typeView.get("system").asBoolean()).isFalse();
        assertThat(typeView.get("fields").get(0).get("pattern").asString()).isEqualTo("ghp_[A-Za-z0-9]{36}");
        String token = "ghp_" + "a1B2".repeat(9);
        Api.Response stored = created(admin.post(base + "/app-credentials", Json.object("name", "CI bot",
                "credentialTypeId", type.id(), "values", Map.of("token", token, "owner", "acme"))));
        assertThat(stored.id()).startsWith("appc_");
        JsonNode view = ok(admin.get(base + "/app-credentials/" + stored.id() + "?minPosition=" + stored.position()))
                .json();
        assertThat(view.get("fields").get("token").get("value").asString()).isEqualTo("ghp_****a1B2");
        assertThat(view.get("fields").get("owner").get("value").asString()).isEqualTo("acme");
        assertThat(view.get("provider").isNull()).isTrue();
        assertThat(admin.post(base + "/app-credentials/" + stored.id() + "/reveal", null).json().get("values")
                .get("token").asString()).isEqualTo(token);

        Api.Response revoked = ok(admin.post(base + "/app-credentials/" + stored.id() + "/revoke", null));
        assertProblem(admin.post(base + "/app-credentials/" + stored.id() + "/reveal", null), 409,
                "CREDENTIAL_REVOKED");
        JsonNode afterRevoke = ok(admin.get(base + "/app-credentials/" + stored.id() + "?minPosition="
                + revoked.position())).json();
        assertThat(afterRevoke.get("status").asString()).isEqualTo("revoked");
        assertThat(afterRevoke.get("revokedBy").asString()).startsWith("usr_");
        assertThat(items(admin.get(base + "/app-credentials"))).hasSize(1);
        assertProblem(admin.post(base + "/credentials/" + stored.id() + "/reveal", null), 404, "CREDENTIAL_NOT_FOUND");
    }

    @Test
    void aWorkspaceVariableRefersOnlyToACredentialOfItsOrganizationWhoseSecretIsNotErased() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String base = "/api/orgs/" + orgId;
        String projectId = created(admin.post(base + "/projects", Json.object("name", "P " + Fixtures.unique()))).id();
        String ws = base + "/workspaces/" + created(admin.post(base + "/projects/" + projectId + "/workspaces",
                Json.object("name", "ws-" + Fixtures.unique(), "environment", "dev"))).id();
        String mine = CredentialFixtures.storeAws(admin, orgId).id();
        String otherOrg = Fixtures.organization(admin).id();
        String theirs = CredentialFixtures.storeAws(admin, otherOrg).id();

        ok(admin.put(ws + "/variables/AWS", Json.object("sensitive", true, "credentialId", mine)));
        assertProblem(admin.put(ws + "/variables/THEIRS", Json.object("sensitive", true, "credentialId", theirs)),
                400, "INVALID_VARIABLE");
        assertProblem(admin.put(ws + "/variables/NONE", Json.object("sensitive", true,
                "credentialId", "cred_" + "z".repeat(21))), 400, "INVALID_VARIABLE");
        ok(admin.post(base + "/credentials/" + mine + "/destroy", null));
        assertProblem(admin.put(ws + "/variables/ERASED", Json.object("sensitive", true, "credentialId", mine)),
                400, "INVALID_VARIABLE");
    }

    @Test
    void dataKeyOperationsAreTimedWithoutSubjectsInTheirTags() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        long encrypts = count("encrypt");
        long creates = count("create");
        long destroys = count("destroy");
        Api.Response stored = CredentialFixtures.storeAws(admin, orgId);
        String id = stored.id();
        assertThat(count("encrypt") - encrypts).as("one per secret field").isEqualTo(2);
        assertThat(count("create") - creates).as("one data key per credential").isEqualTo(1);
        // The projection opens both fields to mask them; wait for it before counting the reveal's.
        ok(admin.get("/api/orgs/" + orgId + "/credentials/" + id + "?minPosition=" + stored.position()));
        long decrypts = count("decrypt");
        ok(admin.post("/api/orgs/" + orgId + "/credentials/" + id + "/reveal", null));
        assertThat(count("decrypt") - decrypts).isEqualTo(2);
        ok(admin.post("/api/orgs/" + orgId + "/credentials/" + id + "/destroy", null));
        assertThat(count("destroy") - destroys).isEqualTo(1);
        assertThat(meters.find("warden.keys.operations").timers()).allSatisfy(timer -> assertThat(timer.getId()
                .getTags().toString()).doesNotContain(id).doesNotContain(orgId));
    }

    private long count(String op) {
        return meters.get("warden.keys.operations").tag("op", op).timer().count();
    }

    static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}
