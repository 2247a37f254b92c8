package dev.warden.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.credentials.CredentialFixtures;
import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import java.util.List;
import java.util.Map;

/**
 * An organization's credentials for the tests that call every endpoint: a custom type, a cloud
 * credential and an app credential of that type. It fills the path variables of the credentials
 * endpoints and gives their request bodies.
 */
record CredentialWorld(String typeId, String credentialId, String appCredentialId) {

    static CredentialWorld create(Api admin, String orgId) {
        String base = "/api/orgs/" + orgId;
        String typeId = created(admin.post(base + "/credential-types", Json.object("name", "Token " + Fixtures.unique(),
                "fields", List.of(Json.object("name", "token", "secret", true, "required", true)))));
        String credentialId = CredentialFixtures.storeAws(admin, orgId).id();
        String appCredentialId = created(admin.post(base + "/app-credentials", Json.object("name", "App",
                "credentialTypeId", typeId, "values", Map.of("token", "app-token-0123456789"))));
        return new CredentialWorld(typeId, credentialId, appCredentialId);
    }

    /** {@code path} (the pattern of {@code endpoint}, other variables filled) with this world's ids. */
    String fill(String endpoint, String path) {
        return path.replace("{typeId}", typeId)
                .replace("{credentialId}", endpoint.contains("/app-credentials/") ? appCredentialId : credentialId);
    }

    /** The ids of this world, which another organization must never see. */
    List<String> ids() {
        return List.of(typeId, credentialId, appCredentialId);
    }

    /** A valid body for a credentials endpoint ("METHOD /path/pattern") of a world, or {@code null} when it is none. */
    static Map<String, Object> body(String endpoint, String word, String tag, String typeId) {
        return switch (endpoint) {
            case "POST /api/orgs/{orgId}/credential-types" -> Json.object("name", word + " " + tag, "fields",
                    List.of(Json.object("name", "key", "secret", true)));
            case "POST /api/orgs/{orgId}/credentials" -> CredentialFixtures.awsBody(CredentialFixtures.ACCESS_KEY_ID,
                    CredentialFixtures.SECRET_ACCESS_KEY);
            case "POST /api/orgs/{orgId}/credentials/{credentialId}/rotate" -> Json.object("values",
                    CredentialFixtures.awsValues(CredentialFixtures.ACCESS_KEY_ID, CredentialFixtures.SECRET_ACCESS_KEY));
            case "POST /api/orgs/{orgId}/app-credentials" -> Json.object("name", word + " " + tag,
                    "credentialTypeId", typeId, "values", Map.of("token", "token-" + tag));
            case "POST /api/orgs/{orgId}/app-credentials/{credentialId}/rotate" -> Json.object("values",
                    Map.of("token", "rotated-" + tag));
            default -> null;
        };
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.id();
    }
}
