package dev.warden.app.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Json;
import java.util.Map;

/** Credentials for API tests: the seeded AWS type's id and sample values, and a stored AWS credential. */
public final class CredentialFixtures {

    /** The seeded AWS access key type. */
    public static final String AWS_TYPE = "ctp_system-aws-access-key";
    public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private CredentialFixtures() {
    }

    /** Values of the AWS type: an access key pair and a region. */
    public static Map<String, String> awsValues(String accessKeyId, String secretAccessKey) {
        return Map.of("access_key_id", accessKeyId, "secret_access_key", secretAccessKey, "region", "eu-west-1");
    }

    /** The body that stores an AWS credential with {@link #awsValues}. */
    public static Map<String, Object> awsBody(String accessKeyId, String secretAccessKey) {
        return Json.object("name", "Deployer", "provider", "aws", "credentialTypeId", AWS_TYPE,
                "values", awsValues(accessKeyId, secretAccessKey));
    }

    /** Stores the sample AWS credential in {@code orgId}; the response carries its id and position. */
    public static Api.Response storeAws(Api api, String orgId) {
        Api.Response stored = api.post("/api/orgs/" + orgId + "/credentials", awsBody(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return stored;
    }
}
