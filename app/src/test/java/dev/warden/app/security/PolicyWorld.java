package dev.warden.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Json;
import java.util.List;
import java.util.Map;

/**
 * An organization's policy for the tests that call every endpoint: two rules, {@code a} and {@code b}.
 * It fills the policy endpoints' path variable and gives the request bodies of the policy and
 * default-effect endpoints.
 */
record PolicyWorld(String policyId) {

    static PolicyWorld create(Api admin, String orgId) {
        Api.Response created = admin.post("/api/orgs/" + orgId + "/policies", Json.object("name", "Matrix policy",
                "rules", rules("deny")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new PolicyWorld(created.id());
    }

    /** {@code path} with this world's policy id. */
    String fill(String path) {
        return path.replace("{policyId}", policyId);
    }

    /** A valid body for a policy endpoint ("METHOD /path/pattern"), or {@code null} when it is none. */
    static Map<String, Object> body(String endpoint, String word, String tag) {
        return switch (endpoint) {
            case "POST /api/orgs/{orgId}/policies" -> Json.object("name", word + " " + tag, "rules", rules("alert"));
            case "PUT /api/orgs/{orgId}/policies/{policyId}/rules" -> Json.object("rules", rules("alert"));
            case "PUT /api/orgs/{orgId}/policies/{policyId}/rule-order" -> Json.object("ruleNames", List.of("b", "a"));
            case "PATCH /api/orgs/{orgId}/policies/{policyId}" -> Json.object("priority", 50, "description", word);
            case "PUT /api/orgs/{orgId}/governance/default-effect" -> Json.object("effect", "allow");
            default -> null;
        };
    }

    private static List<Map<String, Object>> rules(String effect) {
        return List.of(Json.object("name", "a", "tool", "read_*", "effect", "allow"),
                Json.object("name", "b", "tool", "*", "effect", effect));
    }
}
