package dev.warden.app.security;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.security.AccessRules.OrgPermission;
import dev.warden.app.security.AccessRules.Requirement;
import dev.warden.app.security.AccessRules.SignedInUser;
import dev.warden.app.support.Api;
import dev.warden.app.support.ConversationFixtures;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import dev.warden.events.access.Permissions;
import dev.warden.events.access.Permissions.DefaultRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The role x endpoint matrix: for each default role, a member holding only it calls every
 * organization endpoint of {@link AccessRules}, and gets 403 PERMISSION_DENIED exactly when the role
 * lacks the endpoint's permission. The matrix is printed so it can be quoted.
 */
@WardenTest
class RoleEndpointMatrixIT {

    private static final List<String> ORDER = List.of("GET", "PATCH", "POST", "PUT", "DELETE");
    private static final String REMOVE_MEMBER = "DELETE /api/orgs/{orgId}/members/{userId}";
    private static final GovernanceReads GOVERNANCE = GovernanceReads.unknown();

    @LocalServerPort
    int port;

    @Autowired
    AccessRules rules;

    @Autowired
    ApplicationContext context;

    @Test
    void eachDefaultRoleGetsExactlyItsEndpoints() {
        Api admin = Api.admin(port);
        List<String> endpoints = orgEndpoints();
        Map<String, Map<String, String>> matrix = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();

        for (DefaultRole role : Permissions.DEFAULT_ROLES) {
            World world = World.create(admin, role.name());
            Map<String, String> row = new LinkedHashMap<>();
            List<String> deniedPaths = new ArrayList<>();
            for (String endpoint : endpoints) {
                String permission = ((OrgPermission) rules.all().get(endpoint)).permission();
                boolean expectedAllowed = role.permissions().contains(permission);
                String method = endpoint.substring(0, endpoint.indexOf(' '));
                String path = world.path(endpoint);
                Api.Response response = world.caller.api().send(method, path, world.body(endpoint));
                boolean denied = response.status() == 403 && "PERMISSION_DENIED".equals(response.code());
                row.put(endpoint, (denied ? "403" : "allowed") + " (" + response.status()
                        + (response.isProblem() ? " " + response.code() : "") + ")");
                if (expectedAllowed) {
                    if (denied || response.status() == 401 || response.status() >= 500) {
                        failures.add(role.name() + " " + endpoint + " (holds " + permission + ") answered "
                                + response.status() + " " + response.body());
                    }
                } else {
                    if (!denied) {
                        failures.add(role.name() + " " + endpoint + " (lacks " + permission + ") answered "
                                + response.status() + " " + response.body());
                    } else {
                        assertProblem(response, 403, "PERMISSION_DENIED");
                        deniedPaths.add(method + " " + path);
                    }
                }
            }
            matrix.put(role.name(), row);
            assertDenialsAudited(admin, world, deniedPaths);
        }

        printMatrix(endpoints, matrix);
        assertThat(failures).as("endpoints whose authorization does not match the default roles").isEmpty();
    }

    /** Every denial left a PermissionDeniedEvent whose actor is the caller, in the organization's audit. */
    private static void assertDenialsAudited(Api admin, World world, List<String> deniedPaths) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> entries = SecurityFixtures.audit(admin, world.orgId,
                    "eventType=PermissionDeniedEvent&actor=" + world.caller.userId());
            List<String> audited = new ArrayList<>();
            for (JsonNode entry : entries) {
                assertThat(entry.get("actorId").asString()).isEqualTo(world.caller.userId());
                assertThat(entry.get("actorType").asString()).isEqualTo("user");
                JsonNode payload = entry.get("payload");
                audited.add(payload.get("method").asString() + " " + payload.get("path").asString());
            }
            assertThat(audited).containsExactlyInAnyOrderElementsOf(deniedPaths);
        });
    }

    @Test
    void signedInUserEndpointsNeedASessionNotAnonymousNorAnApiKey() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String secret = SecurityFixtures.apiKey(admin, orgId, "organizations:read").json().get("secret").asString();
        Api withKey = admin.anonymous().withToken(secret);
        List<String> userEndpoints = rules.all().entrySet().stream()
                .filter(e -> e.getValue() instanceof SignedInUser).map(Map.Entry::getKey).sorted().toList();
        assertThat(userEndpoints).isNotEmpty();
        long head = 0;
        for (String endpoint : userEndpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                    .replace("{sessionId}", "ses_" + "0".repeat(26))
                    .replace("{accountId}", "acc_" + "0".repeat(26))
                    .replace("{orgId}", orgId)
                    .replace("{invitationId}", IdKind.INVITATION.next());
            Map<String, Object> body = method.equals("GET") || method.equals("DELETE") ? null : Json.object();
            Api.Response anonymous = admin.anonymous().send(method, path, body);
            assertProblem(anonymous, 401, "AUTHENTICATION_REQUIRED");
            assertThat(anonymous.header("WWW-Authenticate")).as(endpoint).isNotNull();
            Api.Response badToken = admin.anonymous().withToken("wds_not-a-real-token").send(method, path, body);
            assertProblem(badToken, 401, "AUTHENTICATION_REQUIRED");
            Api.Response key = withKey.send(method, path, body);
            assertProblem(key, 403, "USERS_ONLY");
        }
    }

    @Test
    void operatorEndpointsNeedAnOperatorsSession() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        Fixtures.SignedIn orgAdmin = SecurityFixtures.member(admin, orgId, "Admin");
        String secret = SecurityFixtures.apiKey(admin, orgId, "users:write", "sessions:write").json().get("secret")
                .asString();
        List<String> operatorEndpoints = rules.all().entrySet().stream()
                .filter(e -> e.getValue() instanceof AccessRules.Operator).map(Map.Entry::getKey).sorted().toList();
        assertThat(operatorEndpoints).contains("POST /api/users/{userId}/deactivate",
                "DELETE /api/users/{userId}/sessions");
        Fixtures.SignedIn target = Fixtures.signedInUser(admin, orgId);
        for (String endpoint : operatorEndpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{userId}", target.userId());
            assertProblem(admin.anonymous().send(method, path, null), 401, "AUTHENTICATION_REQUIRED");
            assertProblem(admin.anonymous().withToken(secret).send(method, path, null), 403, "USERS_ONLY");
            assertProblem(orgAdmin.api().send(method, path, null), 403, "OPERATORS_ONLY");
        }
        assertThat(target.api().get("/api/me").json().get("status").asString()).isEqualTo("active");
    }

    @Test
    void everyMappedApiEndpointHasAnAccessRule() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api")) {
                        continue;
                    }
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    assertThat(methods).as("an /api mapping without an HTTP method: " + pattern).isNotEmpty();
                    methods.forEach(m -> mapped.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(mapped).as("mapped /api endpoints").isNotEmpty();
        assertThat(mapped).as("mapped endpoints without an access rule")
                .allSatisfy(e -> assertThat(rules.of(e.substring(0, e.indexOf(' ')),
                        e.substring(e.indexOf(' ') + 1))).as(e).isPresent());
        assertThat(rules.all().keySet()).as("access rules of endpoints that are not mapped")
                .containsExactlyInAnyOrderElementsOf(mapped);
    }

    /** The organization endpoints, reads first and deletions last so earlier calls find their resources. */
    private List<String> orgEndpoints() {
        return rules.all().entrySet().stream()
                .filter(e -> e.getValue() instanceof OrgPermission)
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing((String e) -> e.equals(REMOVE_MEMBER))
                        .thenComparing(e -> ORDER.indexOf(e.substring(0, e.indexOf(' '))))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private void printMatrix(List<String> endpoints, Map<String, Map<String, String>> matrix) {
        StringBuilder out = new StringBuilder("\nRole x endpoint matrix (allowed = authorization passed; "
                + "the status the call got in brackets)\n");
        out.append(String.format("%-68s", "endpoint (permission)"));
        matrix.keySet().forEach(r -> out.append(String.format(" | %-7s", r)));
        out.append('\n');
        for (String endpoint : endpoints) {
            Requirement rule = rules.all().get(endpoint);
            out.append(String.format("%-68s", endpoint + " (" + ((OrgPermission) rule).permission() + ")"));
            for (Map<String, String> row : matrix.values()) {
                out.append(String.format(" | %-7s", row.get(endpoint).startsWith("403") ? "403" : "allowed"));
            }
            out.append('\n');
        }
        out.append("\nStatuses per role:\n");
        matrix.forEach((role, row) -> row.forEach((e, s) -> out.append(String.format("  %-8s %-68s %s%n", role,
                e, s))));
        System.out.println(out);
    }

    /**
     * One organization per role under test: the caller holding only that role, another member to act
     * on, custom roles, an API key, and pending access requests of both.
     */
    private record World(String orgId, Fixtures.SignedIn caller, Fixtures.SignedIn target, String outsiderId,
                         String customRoleId, String disposableRoleId, String keyId, String targetRequestId,
                         String deniableRequestId, String callerRequestId, String invitationId,
                         InfrastructureWorld infrastructure, Map<String, String> ticketsAndModules,
                         ConversationFixtures.WithToolCall chat, ConversationFixtures.WithToolCall otherChat,
                         CredentialWorld credentials, McpServerWorld mcpServers, PolicyWorld policies,
                         AgentSessionWorld agentSessions) {

        static World create(Api admin, String roleName) {
            String orgId = Fixtures.organization(admin).id();
            Fixtures.SignedIn caller = SecurityFixtures.member(admin, orgId, roleName);
            Fixtures.SignedIn target = Fixtures.signedInUser(admin, orgId);
            String otherOrg = Fixtures.organization(admin).id();
            String outsiderId = Fixtures.user(admin, otherOrg).id();
            String custom = Fixtures.role(admin, orgId, "Custom " + Fixtures.unique()).id();
            String disposable = Fixtures.role(admin, orgId, "Disposable " + Fixtures.unique()).id();
            String requestable = Fixtures.role(admin, orgId, "Requestable " + Fixtures.unique()).id();
            String keyId = SecurityFixtures.apiKey(admin, orgId, "organizations:read").id();
            String targetRequest = requestAccess(target.api(), orgId, custom);
            String deniable = requestAccess(target.api(), orgId, requestable);
            String callerRequest = requestAccess(caller.api(), orgId, requestable);
            String invitation = Fixtures.invite(admin, orgId, Json.object("email",
                    "invitee-" + Fixtures.unique() + "@example.com")).id();
            // Conversations: approving and rejecting decide a tool call each; archive and restore use another chat.
            ConversationFixtures.WithToolCall chat = ConversationFixtures.withPendingToolCall(admin, orgId);
            ConversationFixtures.WithToolCall otherChat = ConversationFixtures.withPendingToolCall(admin, orgId);
            McpServerWorld mcpServers = McpServerWorld.create(admin, orgId);
            return new World(orgId, caller, target, outsiderId, custom, disposable, keyId, targetRequest,
                    deniable, callerRequest, invitation, InfrastructureWorld.create(admin, orgId),
                    TicketAndModuleFixtures.create(admin, orgId), chat, otherChat, CredentialWorld.create(admin, orgId),
                    mcpServers, PolicyWorld.create(admin, orgId),
                    AgentSessionWorld.create(admin, orgId, mcpServers.serverId()));
        }

        private static String requestAccess(Api api, String orgId, String roleId) {
            Api.Response response = api.post("/api/orgs/" + orgId + "/access-requests",
                    Json.object("roleId", roleId, "justification", "for the matrix"));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            return response.id();
        }

        String path(String endpoint) {
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            String roleId = endpoint.equals("DELETE /api/orgs/{orgId}/roles/{roleId}") ? disposableRoleId
                    : customRoleId;
            String requestId = endpoint.endsWith("/cancel") ? callerRequestId
                    : endpoint.endsWith("/deny") ? deniableRequestId : targetRequestId;
            ConversationFixtures.WithToolCall conversation = endpoint.endsWith("/reject")
                    || endpoint.endsWith("/archive") || endpoint.endsWith("/restore") ? otherChat : chat;
            String path = TicketAndModuleFixtures.path(pattern.replace("{orgId}", orgId)
                    .replace("{conversationId}", conversation.conversationId())
                    .replace("{messageId}", conversation.messageId())
                    .replace("{toolCallId}", conversation.toolCallId())
                    .replace("{userId}", target.userId())
                    .replace("{roleId}", roleId)
                    .replace("{keyId}", keyId)
                    .replace("{requestId}", requestId)
                    .replace("{invitationId}", invitationId)
                    .replace("{permission}", "organizations:read"), ticketsAndModules);
            return GOVERNANCE.fill(agentSessions.fill(endpoint, policies.fill(mcpServers.fill(endpoint,
                    credentials.fill(endpoint, infrastructure.fill(endpoint, path))))));
        }

        Map<String, Object> body(String endpoint) {
            Map<String, Object> ticketOrModule = TicketAndModuleFixtures.body(endpoint, "matrix", target.userId());
            Map<String, Object> credential = CredentialWorld.body(endpoint, "matrix", Fixtures.unique(),
                    credentials.typeId());
            Map<String, Object> mcpServer = McpServerWorld.body(endpoint, "matrix", Fixtures.unique());
            Map<String, Object> agentSession = agentSessions.body(endpoint, "matrix");
            Map<String, Object> governance = GovernanceReads.body(endpoint);
            return ticketOrModule != null ? ticketOrModule : credential != null ? credential
                    : mcpServer != null ? mcpServer : agentSession != null ? agentSession
                    : governance != null ? governance
                    : SecurityFixtures.body(endpoint, "matrix", outsiderId, customRoleId, disposableRoleId);
        }
    }
}
