package dev.warden.app.credentials;

import static dev.warden.app.credentials.CredentialFixtures.ACCESS_KEY_ID;
import static dev.warden.app.credentials.CredentialFixtures.AWS_TYPE;
import static dev.warden.app.credentials.CredentialFixtures.SECRET_ACCESS_KEY;
import static dev.warden.app.credentials.CredentialFixtures.awsBody;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Refusals of the credentials API: a bad field definition or value is a 400 naming the field and
 * never quoting the value; the wrong provider, a type the organization cannot see, a reveal without
 * {@code credentials:reveal} (403).
 */
@WardenTest
class CredentialsErrorsApiIT {

    @LocalServerPort
    int port;

    @Test
    void aBadFieldDefinitionIsA400NamingIt() {
        Api admin = Api.admin(port);
        String base = "/api/orgs/" + Fixtures.organization(admin).id() + "/credential-types";
        Api.Response badPattern = admin.post(base, Json.object("name", "Bad", "fields",
                List.of(Json.object("name", "token", "secret", true, "pattern", "[unclosed"))));
        assertProblem(badPattern, 400, "INVALID_FIELD_DEFINITION");
        assertThat(badPattern.json().get("detail").asString()).contains("'token'");
        assertProblem(admin.post(base, Json.object("name", "Bad", "fields",
                List.of(Json.object("name", "Token!", "secret", true)))), 400, "INVALID_FIELD_DEFINITION");
        assertProblem(admin.post(base, Json.object("name", "Bad", "fields",
                List.of(Json.object("name", "owner")))), 400, "INVALID_FIELD_DEFINITION");
        assertProblem(admin.post(base, Json.object("name", "Bad", "provider", "oracle", "fields",
                List.of(Json.object("name", "token", "secret", true)))), 400, "INVALID_PROVIDER");
        assertThat(admin.post(base, Json.object("name", "Bad")).status()).isEqualTo(400);
        Map<String, Object> good = Json.object("name", "Datadog", "fields", List.of(Json.object("name", "api_key",
                "secret", true, "required", true)));
        assertThat(admin.post(base, good).status()).isEqualTo(201);
        assertProblem(admin.post(base, good), 409, "CREDENTIAL_TYPE_NAME_TAKEN");
    }

    @Test
    void aBadValueIsA400NamingTheFieldNeverTheValue() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String base = "/api/orgs/" + orgId + "/credentials";
        Api.Response unknown = admin.post(base, withValue("password", "hunter2-hunter2-hunter2"));
        assertProblem(unknown, 400, "INVALID_CREDENTIAL_VALUE");
        assertThat(unknown.json().get("detail").asString()).contains("'password'");
        assertThat(unknown.body()).doesNotContain("hunter2");
        Api.Response missing = admin.post(base, withValue("secret_access_key", null));
        assertProblem(missing, 400, "INVALID_CREDENTIAL_VALUE");
        assertThat(missing.json().get("detail").asString()).contains("'secret_access_key'");
        Api.Response mismatch = admin.post(base, withValue("access_key_id", "not-an-access-key-id"));
        assertProblem(mismatch, 400, "INVALID_CREDENTIAL_VALUE");
        assertThat(mismatch.json().get("detail").asString()).contains("'access_key_id'");
        assertThat(mismatch.body()).doesNotContain("not-an-access-key-id").doesNotContain(SECRET_ACCESS_KEY);

        Map<String, Object> azure = new HashMap<>(awsBody(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
        azure.put("provider", "azure");
        assertProblem(admin.post(base, azure), 400, "PROVIDER_MISMATCH");
        Map<String, Object> noType = new HashMap<>(awsBody(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
        noType.put("credentialTypeId", "ctp_" + "q".repeat(21));
        assertProblem(admin.post(base, noType), 404, "CREDENTIAL_TYPE_NOT_FOUND");
        assertThat(admin.post(base, Json.object("name", "No values", "provider", "aws", "credentialTypeId", AWS_TYPE))
                .status()).isEqualTo(400);

        String otherOrg = Fixtures.organization(admin).id();
        String theirType = admin.post("/api/orgs/" + otherOrg + "/credential-types", Json.object("name", "Theirs",
                "fields", List.of(Json.object("name", "token", "secret", true)))).id();
        assertProblem(admin.post("/api/orgs/" + orgId + "/app-credentials", Json.object("name", "Borrowed",
                "credentialTypeId", theirType, "values", Map.of("token", "t"))), 404, "CREDENTIAL_TYPE_NOT_FOUND");
        assertProblem(admin.post(base + "/cred_" + "q".repeat(21) + "/reveal", null), 404, "CREDENTIAL_NOT_FOUND");
        assertProblem(admin.post(base + "/not-an-id/revoke", null), 404, "CREDENTIAL_NOT_FOUND");
    }

    @Test
    void revealingNeedsCredentialsRevealWhichAManagerDoesNotHold() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String id = CredentialFixtures.storeAws(admin, orgId).id();
        Fixtures.SignedIn manager = Fixtures.signedInUser(admin, orgId);
        String roleId = Fixtures.systemRole(admin, orgId, manager.position(), "Manager");
        assertThat(admin.put("/api/orgs/" + orgId + "/members/" + manager.userId() + "/role",
                Json.object("roleId", roleId)).status()).isEqualTo(200);

        Api.Response refused = manager.api().post("/api/orgs/" + orgId + "/credentials/" + id + "/reveal", null);
        assertProblem(refused, 403, "PERMISSION_DENIED");
        assertThat(refused.body()).doesNotContain(SECRET_ACCESS_KEY);
        assertThat(manager.api().get("/api/orgs/" + orgId + "/credentials/" + id).status()).isEqualTo(200);
        assertThat(manager.api().post("/api/orgs/" + orgId + "/credentials/" + id + "/revoke", null).status())
                .as("a Manager writes credentials").isEqualTo(200);
    }

    private static Map<String, Object> withValue(String field, String value) {
        Map<String, String> values = new HashMap<>(CredentialFixtures.awsValues(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
        if (value == null) {
            values.remove(field);
        } else {
            values.put(field, value);
        }
        Map<String, Object> body = new HashMap<>(awsBody(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
        body.put("values", values);
        return body;
    }
}
