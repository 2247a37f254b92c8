package dev.warden.app.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call which endpoint: the permission matrix, in one place. Every endpoint of the API is
 * listed here by method and path pattern; one that is missing is refused (fail closed), and a test
 * checks that every mapped endpoint has a rule. Organization endpoints need a permission in the
 * organization of the path ({@code {orgId}}); the default roles hold the permissions listed in
 * {@link dev.warden.events.access.Permissions#DEFAULT_ROLES}.
 */
public final class AccessRules {

    /** What an endpoint requires. */
    public sealed interface Requirement permits Public, SignedInUser, OrgPermission {
    }

    /** Anyone, no credentials (signing in). */
    public record Public() implements Requirement {
    }

    /** A user signed in with a session (not an API key): things about oneself, creating organizations. */
    public record SignedInUser() implements Requirement {
    }

    /** A caller holding {@code permission} in the organization of the path. */
    public record OrgPermission(String permission) implements Requirement {
    }

    private static final Map<String, Requirement> RULES = new LinkedHashMap<>();

    static {
        open("POST /api/sessions");

        user("DELETE /api/sessions/current");
        user("GET /api/me");
        user("PATCH /api/me");
        user("PUT /api/me/password");
        user("DELETE /api/me/password");
        user("GET /api/me/sessions");
        user("DELETE /api/me/sessions");
        user("DELETE /api/me/sessions/{sessionId}");
        user("GET /api/me/accounts");
        user("POST /api/me/accounts");
        user("DELETE /api/me/accounts/{accountId}");
        user("POST /api/me/totp");
        user("POST /api/me/totp/confirm");
        user("POST /api/me/totp/disable");
        user("GET /api/me/organizations");
        user("POST /api/orgs");

        org("GET /api/orgs/{orgId}", "organizations:read");
        org("PATCH /api/orgs/{orgId}", "organizations:write");
        org("GET /api/orgs/{orgId}/members", "members:read");
        org("GET /api/orgs/{orgId}/members/{userId}", "members:read");
        org("POST /api/orgs/{orgId}/members", "members:write");
        org("DELETE /api/orgs/{orgId}/members/{userId}", "members:write");
        org("PUT /api/orgs/{orgId}/members/{userId}/role", "members:write");
        org("POST /api/orgs/{orgId}/users", "users:write");
        org("POST /api/orgs/{orgId}/members/{userId}/deactivate", "users:write");
        org("POST /api/orgs/{orgId}/members/{userId}/reactivate", "users:write");
        org("GET /api/orgs/{orgId}/members/{userId}/sessions", "sessions:read");
        org("DELETE /api/orgs/{orgId}/members/{userId}/sessions", "sessions:write");

        org("GET /api/orgs/{orgId}/roles", "roles:read");
        org("GET /api/orgs/{orgId}/roles/{roleId}", "roles:read");
        org("GET /api/orgs/{orgId}/permissions", "roles:read");
        org("POST /api/orgs/{orgId}/roles", "roles:write");
        org("PUT /api/orgs/{orgId}/roles/{roleId}", "roles:write");
        org("DELETE /api/orgs/{orgId}/roles/{roleId}", "roles:write");
        org("PUT /api/orgs/{orgId}/roles/{roleId}/permissions/{permission}", "roles:write");
        org("DELETE /api/orgs/{orgId}/roles/{roleId}/permissions/{permission}", "roles:write");
        org("PUT /api/orgs/{orgId}/members/{userId}/roles/{roleId}", "roles:write");
        org("DELETE /api/orgs/{orgId}/members/{userId}/roles/{roleId}", "roles:write");

        org("GET /api/orgs/{orgId}/api-keys", "api-keys:read");
        org("GET /api/orgs/{orgId}/api-keys/{keyId}", "api-keys:read");
        org("POST /api/orgs/{orgId}/api-keys", "api-keys:write");
        org("DELETE /api/orgs/{orgId}/api-keys/{keyId}", "api-keys:write");

        org("GET /api/orgs/{orgId}/access-requests", "access-requests:read");
        org("GET /api/orgs/{orgId}/access-requests/{requestId}", "access-requests:read");
        org("POST /api/orgs/{orgId}/access-requests", "access-requests:write");
        org("POST /api/orgs/{orgId}/access-requests/{requestId}/cancel", "access-requests:write");
        org("POST /api/orgs/{orgId}/access-requests/{requestId}/approve", "access-requests:approve");
        org("POST /api/orgs/{orgId}/access-requests/{requestId}/deny", "access-requests:approve");

        org("GET /api/orgs/{orgId}/audit", "audit:read");
        org("GET /api/orgs/{orgId}/activity", "audit:read");
    }

    private AccessRules() {
    }

    /** The rule of an endpoint, by HTTP method and the path pattern it is mapped to. */
    public static Optional<Requirement> of(String method, String pattern) {
        return Optional.ofNullable(RULES.get(method + " " + pattern));
    }

    /** Every rule, as "METHOD pattern" to requirement, in the order above. */
    public static Map<String, Requirement> all() {
        return Map.copyOf(RULES);
    }

    private static void open(String endpoint) {
        RULES.put(endpoint, new Public());
    }

    private static void user(String endpoint) {
        RULES.put(endpoint, new SignedInUser());
    }

    private static void org(String endpoint, String permission) {
        if (!dev.warden.events.access.Permissions.isKnown(permission)) {
            throw new IllegalStateException("Unknown permission in the access rules: " + permission);
        }
        RULES.put(endpoint, new OrgPermission(permission));
    }
}
