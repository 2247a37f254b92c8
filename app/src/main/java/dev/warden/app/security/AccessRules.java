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
    public sealed interface Requirement permits Public, SignedInUser, Operator, OrgPermission {
    }

    /** Anyone, no credentials (signing in). */
    public record Public() implements Requirement {
    }

    /** A user signed in with a session (not an API key): things about oneself, creating organizations. */
    public record SignedInUser() implements Requirement {
    }

    /**
     * A signed-in operator: account-wide actions that reach past every organization (registering
     * accounts aside, which an operator does through an organization it registers the user into).
     */
    public record Operator() implements Requirement {
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
        user("GET /api/me/invitations");
        user("POST /api/orgs");
        user("POST /api/orgs/{orgId}/invitations/{invitationId}/accept");
        user("POST /api/orgs/{orgId}/invitations/{invitationId}/decline");

        operator("GET /api/users/{userId}/sessions");
        operator("DELETE /api/users/{userId}/sessions");
        operator("POST /api/users/{userId}/deactivate");
        operator("POST /api/users/{userId}/reactivate");
        operator("PUT /api/users/{userId}/operator");
        operator("DELETE /api/users/{userId}/operator");

        org("GET /api/orgs/{orgId}", "organizations:read");
        org("PATCH /api/orgs/{orgId}", "organizations:write");
        org("GET /api/orgs/{orgId}/members", "members:read");
        org("GET /api/orgs/{orgId}/members/{userId}", "members:read");
        org("DELETE /api/orgs/{orgId}/members/{userId}", "members:write");
        org("PUT /api/orgs/{orgId}/members/{userId}/role", "members:write");
        org("POST /api/orgs/{orgId}/members/{userId}/suspend", "members:write");
        org("POST /api/orgs/{orgId}/members/{userId}/reinstate", "members:write");
        org("GET /api/orgs/{orgId}/invitations", "members:read");
        org("POST /api/orgs/{orgId}/invitations", "members:write");
        org("DELETE /api/orgs/{orgId}/invitations/{invitationId}", "members:write");
        org("POST /api/orgs/{orgId}/users", "users:write");
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

    private static void operator(String endpoint) {
        RULES.put(endpoint, new Operator());
    }

    private static void org(String endpoint, String permission) {
        if (!dev.warden.events.access.Permissions.isKnown(permission)) {
            throw new IllegalStateException("Unknown permission in the access rules: " + permission);
        }
        RULES.put(endpoint, new OrgPermission(permission));
    }
}
