package dev.warden.app.security;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.security.AccessRules.OrgPermission;
import dev.warden.app.support.Api;
import dev.warden.app.support.ConversationFixtures;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A caller of organization A sees nothing of organization B: every kind of B's resources answers 404
 * exactly as a missing one does, B's ids used under A's paths name nothing, and A's lists never
 * contain B's rows.
 */
@WardenTest
class TenantIsolationIT {

    @LocalServerPort
    int port;

    @Autowired
    AccessRules rules;

    Api root;
    String orgA;
    String orgB;
    Fixtures.SignedIn adminA;
    Fixtures.SignedIn memberA;
    Fixtures.SignedIn memberB;
    String roleB;
    String keyB;
    String requestB;
    String invitationB;
    InfrastructureWorld infrastructureB;
    CredentialWorld credentialsB;
    McpServerWorld mcpServersB;
    PolicyWorld policiesB;
    AgentSessionWorld agentSessionsB;
    Map<String, String> ticketsAndModulesB;
    ConversationFixtures.WithToolCall chatA;
    ConversationFixtures.WithToolCall chatB;
    GovernanceReads governanceB = GovernanceReads.unknown();
    long positionB;

    @BeforeEach
    void twoOrganizations() {
        root = Api.admin(port);
        orgA = Fixtures.organization(root).id();
        orgB = Fixtures.organization(root).id();
        adminA = SecurityFixtures.member(root, orgA, "Admin");
        memberA = Fixtures.signedInUser(root, orgA);
        memberB = Fixtures.signedInUser(root, orgB);
        roleB = Fixtures.role(root, orgB, "B only " + Fixtures.unique()).id();
        keyB = SecurityFixtures.apiKey(root, orgB, "organizations:read").id();
        Api.Response request = memberB.api().post("/api/orgs/" + orgB + "/access-requests",
                Json.object("roleId", roleB, "justification", "B business"));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        requestB = request.id();
        invitationB = Fixtures.invite(root, orgB, Json.object("email",
                "someone-" + Fixtures.unique() + "@example.com")).id();
        infrastructureB = InfrastructureWorld.create(root, orgB);
        credentialsB = CredentialWorld.create(root, orgB);
        mcpServersB = McpServerWorld.create(root, orgB);
        policiesB = PolicyWorld.create(root, orgB);
        agentSessionsB = AgentSessionWorld.create(root, orgB, mcpServersB.serverId());
        ticketsAndModulesB = TicketAndModuleFixtures.create(root, orgB);
        chatA = ConversationFixtures.withPendingToolCall(root, orgA);
        chatB = ConversationFixtures.withPendingToolCall(root, orgB);
        positionB = SecurityFixtures.audit(root, orgB, "limit=1").get(0).get("position").asLong();
    }

    @Test
    void everyEndpointOfAnotherOrganizationAnswersLikeAMissingOrganization() {
        String missingOrg = IdKind.ORGANIZATION.next();
        List<String> endpoints = rules.all().entrySet().stream()
                .filter(e -> e.getValue() instanceof OrgPermission).map(Map.Entry::getKey).sorted().toList();
        long before = SecurityFixtures.audit(root, orgB, "limit=1").get(0).get("position").asLong();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            Map<String, Object> body = body(endpoint);
            Api.Response other = adminA.api().send(method, pathIn(pattern, orgB), body);
            Api.Response missing = adminA.api().send(method, pathIn(pattern, missingOrg), body);
            assertProblem(other, 404, "ORGANIZATION_NOT_FOUND");
            assertProblem(missing, 404, "ORGANIZATION_NOT_FOUND");
            assertSameShape(endpoint, other.json(), orgB, missing.json(), missingOrg);
        }
        // Nothing happened in B, and the refusals are no permission denials of B's either.
        List<JsonNode> newest = SecurityFixtures.audit(root, orgB, "limit=1");
        assertThat(newest.get(0).get("position").asLong()).as("B's audit is unchanged").isEqualTo(before);
        JsonNode request = root.get("/api/orgs/" + orgB + "/access-requests/" + requestB).json();
        assertThat(request.get("status").asString()).isEqualTo("pending");
        JsonNode key = root.get("/api/orgs/" + orgB + "/api-keys/" + keyB).json();
        assertThat(key.get("status").asString()).isEqualTo("active");
        assertThat(SecurityFixtures.roleIds(root, orgB, memberB.userId(), 0)).isNotEmpty();
        JsonNode org = root.get("/api/orgs/" + orgB).json();
        assertThat(org.get("name").asString()).doesNotStartWith("Renamed");
        assertTicketAndModuleOfBUntouched();
        assertChatBUntouched();
    }

    @Test
    void idsOfAnotherOrganizationUnderOwnPathsNameNothing() {
        Api a = adminA.api();
        String base = "/api/orgs/" + orgA;
        String missingRole = IdKind.ROLE.next();
        String missingKey = IdKind.API_KEY.next();
        String missingRequest = IdKind.ACCESS_REQUEST.next();
        String missingUser = IdKind.USER.next();
        Function<String, Object> noBody = id -> null;
        List<Call> calls = List.of(
                new Call("GET", "/roles/%s", noBody, roleB, missingRole),
                new Call("PUT", "/roles/%s", id -> Json.object("name", "Stolen"), roleB, missingRole),
                new Call("DELETE", "/roles/%s", noBody, roleB, missingRole),
                new Call("PUT", "/roles/%s/permissions/organizations:read", noBody, roleB, missingRole),
                new Call("DELETE", "/roles/%s/permissions/organizations:read", noBody, roleB, missingRole),
                new Call("PUT", "/members/" + memberA.userId() + "/roles/%s", noBody, roleB, missingRole),
                new Call("PUT", "/members/" + memberA.userId() + "/role", id -> Json.object("roleId", id), roleB,
                        missingRole),
                new Call("POST", "/access-requests", id -> Json.object("roleId", id, "justification", "x"), roleB,
                        missingRole),
                new Call("GET", "/api-keys/%s", noBody, keyB, missingKey),
                new Call("DELETE", "/api-keys/%s", noBody, keyB, missingKey),
                new Call("GET", "/access-requests/%s", noBody, requestB, missingRequest),
                new Call("POST", "/access-requests/%s/approve", id -> Json.object("reason", "x"), requestB,
                        missingRequest),
                new Call("POST", "/access-requests/%s/deny", id -> Json.object("reason", "x"), requestB,
                        missingRequest),
                new Call("POST", "/access-requests/%s/cancel", noBody, requestB, missingRequest),
                new Call("GET", "/members/%s", noBody, memberB.userId(), missingUser),
                new Call("POST", "/members/%s/suspend", noBody, memberB.userId(), missingUser),
                new Call("POST", "/members/%s/reinstate", noBody, memberB.userId(), missingUser),
                new Call("DELETE", "/members/%s/sessions", noBody, memberB.userId(), missingUser),
                new Call("DELETE", "/invitations/%s", noBody, invitationB, IdKind.INVITATION.next()),
                new Call("POST", "/invitations/%s/accept", noBody, invitationB, IdKind.INVITATION.next()));
        List<String> failures = failures(a, base, calls);
        failures.addAll(infrastructureIdsOfBNameNothing(a, base));
        failures.addAll(failures(a, base, ticketAndModuleCalls()));
        failures.addAll(failures(a, base, conversationCalls()));
        failures.addAll(failures(a, base, credentialCalls()));
        failures.addAll(failures(a, base, mcpServerCalls()));
        failures.addAll(failures(a, base, policyCalls()));
        failures.addAll(failures(a, base, agentSessionCalls(a)));
        assertThat(failures).isEmpty();
        assertThat(root.get("/api/orgs/" + orgB + "/credentials/" + credentialsB.credentialId()).json()
                .get("status").asString()).as("B's credential is untouched").isEqualTo("active");
        assertThat(root.get("/api/orgs/" + orgB + "/app-credentials/" + credentialsB.appCredentialId()).json()
                .get("version").asInt()).isEqualTo(1);
        // B's things are untouched.
        JsonNode request = root.get("/api/orgs/" + orgB + "/access-requests/" + requestB).json();
        assertThat(request.get("status").asString()).isEqualTo("pending");
        assertThat(root.get("/api/orgs/" + orgB + "/api-keys/" + keyB).json().get("status").asString())
                .isEqualTo("active");
        JsonNode role = root.get("/api/orgs/" + orgB + "/roles/" + roleB).json();
        assertThat(role.get("name").asString()).startsWith("B only");
        assertThat(Fixtures.strings(role.get("permissions"))).isEmpty();
        assertTicketAndModuleOfBUntouched();
        assertChatBUntouched();
        assertThat(SecurityFixtures.audit(root, orgB, "limit=1").get(0).get("position").asLong())
                .as("B's audit is unchanged").isEqualTo(positionB);
    }

    /** B's projects, workspaces, runs and checks under A's paths answer exactly as missing ones. */
    private List<String> infrastructureIdsOfBNameNothing(Api a, String base) {
        InfrastructureWorld own = InfrastructureWorld.create(a, orgA);
        InfrastructureWorld b = infrastructureB;
        Function<String, Object> noBody = id -> null;
        String missingProject = IdKind.PROJECT.next();
        String missingWorkspace = IdKind.WORKSPACE.next();
        String runOfB = "/runs/" + b.runId();
        String checkOfB = "/drift-checks/" + b.checkId();
        List<Call> calls = new ArrayList<>();
        for (String suffix : List.of("", "/workspaces")) {
            calls.add(new Call("GET", "/projects/%s" + suffix, noBody, b.projectId(), missingProject));
        }
        for (String verb : List.of("archive", "restore")) {
            calls.add(new Call("POST", "/projects/%s/" + verb, noBody, b.projectId(), missingProject));
        }
        calls.add(new Call("PUT", "/projects/%s/name", id -> Json.object("name", "Stolen"), b.projectId(),
                missingProject));
        calls.add(new Call("PUT", "/projects/%s/description", id -> Json.object("description", "x"), b.projectId(),
                missingProject));
        calls.add(new Call("PUT", "/projects/%s/labels", id -> Json.object("labels", Json.object()), b.projectId(),
                missingProject));
        calls.add(new Call("POST", "/projects/%s/workspaces", id -> Json.object("name", "stolen", "environment", "x"),
                b.projectId(), missingProject));
        for (String suffix : List.of("", "/runs", runOfB, "/drift-checks", checkOfB)) {
            calls.add(new Call("GET", "/workspaces/%s" + suffix, noBody, b.workspaceId(), missingWorkspace));
        }
        for (String verb : List.of("unlock", "archive")) {
            calls.add(new Call("POST", "/workspaces/%s/" + verb, noBody, b.workspaceId(), missingWorkspace));
        }
        calls.add(new Call("DELETE", "/workspaces/%s/variables/region", noBody, b.workspaceId(), missingWorkspace));
        for (String endpoint : List.of("PUT /workspaces/{workspaceId}/settings",
                "PUT /workspaces/{workspaceId}/variables/{variableName}", "POST /workspaces/{workspaceId}/lock",
                "POST /workspaces/{workspaceId}/runs", "POST /workspaces/{workspaceId}/runs/{runId}/status",
                "POST /workspaces/{workspaceId}/drift-checks")) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            Map<String, Object> body = InfrastructureWorld.body(method + " /api/orgs/{orgId}" + pattern, "iso", "x");
            calls.add(new Call(method, pattern.replace("{workspaceId}", "%s").replace("{runId}", b.runId())
                    .replace("{variableName}", "region"), id -> body, b.workspaceId(), missingWorkspace));
        }
        String ownWorkspace = "/workspaces/" + own.workspaceId();
        calls.add(new Call("GET", ownWorkspace + "/runs/%s", noBody, b.runId(), IdKind.RUN.next()));
        calls.add(new Call("POST", ownWorkspace + "/runs/%s/status", id -> Json.object("status", "running"),
                b.runId(), IdKind.RUN.next()));
        calls.add(new Call("GET", ownWorkspace + "/drift-checks/%s", noBody, b.checkId(), IdKind.DRIFT_CHECK.next()));
        return failures(a, base, calls);
    }

    /** B's credential type, cloud and app credentials (or missing ones) under A's paths. */
    private List<Call> credentialCalls() {
        Function<String, Object> noBody = id -> null;
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("GET", "/credential-types/%s", noBody, credentialsB.typeId(), IdKind.CREDENTIAL_TYPE.next()));
        calls.add(new Call("POST", "/app-credentials", id -> Json.object("name", "Borrowed", "credentialTypeId", id,
                "values", Map.of("token", "t")), credentialsB.typeId(), IdKind.CREDENTIAL_TYPE.next()));
        for (String kind : List.of("credentials", "app-credentials")) {
            String theirs = kind.equals("credentials") ? credentialsB.credentialId() : credentialsB.appCredentialId();
            String missing = kind.equals("credentials") ? IdKind.CREDENTIAL.next() : IdKind.APP_CREDENTIAL.next();
            calls.add(new Call("GET", "/" + kind + "/%s", noBody, theirs, missing));
            for (String verb : List.of("revoke", "destroy", "reveal")) {
                calls.add(new Call("POST", "/" + kind + "/%s/" + verb, noBody, theirs, missing));
            }
            calls.add(new Call("POST", "/" + kind + "/%s/rotate", id -> Json.object("values", Map.of("token", "x")),
                    theirs, missing));
        }
        return calls;
    }

    /** B's MCP server (or a missing one) under A's paths, with bodies A could send for a server of its own. */
    private List<Call> mcpServerCalls() {
        List<Call> calls = new ArrayList<>();
        for (String endpoint : List.of("PUT /{serverId}", "POST /{serverId}/suspend", "POST /{serverId}/resume",
                "PUT /{serverId}/tools", "POST /{serverId}/tools/{toolName}/approve", "DELETE /{serverId}")) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = "/mcp-servers" + endpoint.substring(endpoint.indexOf(' ') + 1);
            Map<String, Object> body = McpServerWorld.body(method + " /api/orgs/{orgId}" + pattern, "iso", "x");
            calls.add(new Call(method, pattern.replace("{serverId}", "%s").replace("{toolName}", "echo"),
                    id -> body, mcpServersB.serverId(), IdKind.MCP_SERVER.next()));
        }
        return calls;
    }

    /**
     * B's agent session, approvals and server (or missing ones) under A's paths and in A's bodies, and B's
     * approval under a session of A's own.
     */
    private List<Call> agentSessionCalls(Api a) {
        AgentSessionWorld b = agentSessionsB;
        String missingSession = IdKind.AGENT_SESSION.next();
        Function<String, Object> noBody = id -> null;
        Function<String, Object> reason = id -> Json.object("reason", "x");
        List<Call> calls = new ArrayList<>(List.of(
                new Call("POST", "/agent-sessions/%s/terminate", reason, b.sessionId(), missingSession),
                new Call("POST", "/agent-sessions/%s/close", noBody, b.closableSessionId(), missingSession),
                new Call("POST", "/agent-sessions/%s/approvals/" + b.approvalId() + "/approve", noBody, b.sessionId(),
                        missingSession),
                new Call("POST", "/agent-sessions/%s/approvals/" + b.deniableApprovalId() + "/deny", reason,
                        b.sessionId(), missingSession),
                new Call("POST", "/decisions", id -> Json.object("agentSessionId", id, "tool", AgentSessionWorld.TOOL),
                        b.sessionId(), missingSession),
                new Call("POST", "/decisions", id -> Json.object("mcpServerId", id, "tool", AgentSessionWorld.TOOL),
                        b.serverId(), IdKind.MCP_SERVER.next()),
                new Call("POST", "/agent-sessions", id -> Json.object("mcpServerId", id), b.serverId(),
                        IdKind.MCP_SERVER.next())));
        AgentSessionWorld own = AgentSessionWorld.create(a, orgA, McpServerWorld.create(a, orgA).serverId());
        for (String verb : List.of("approve", "deny")) {
            calls.add(new Call("POST", "/agent-sessions/" + own.sessionId() + "/approvals/%s/" + verb, noBody,
                    b.approvalId(), IdKind.APPROVAL.next()));
        }
        return calls;
    }

    /** B's policy (or a missing one) under A's paths, with bodies A could send for a policy of its own. */
    private List<Call> policyCalls() {
        String theirs = policiesB.policyId();
        String missing = IdKind.POLICY.next();
        List<Call> calls = new ArrayList<>();
        for (String endpoint : List.of("PUT /policies/{policyId}/rules", "PUT /policies/{policyId}/rule-order",
                "PATCH /policies/{policyId}", "POST /policies/{policyId}/enable", "POST /policies/{policyId}/disable",
                "DELETE /policies/{policyId}")) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            Map<String, Object> body = PolicyWorld.body(method + " /api/orgs/{orgId}" + pattern, "iso", "x");
            calls.add(new Call(method, pattern.replace("{policyId}", "%s"), id -> body, theirs, missing));
        }
        return calls;
    }

    /** Calls on B's ticket and module (or on missing ones) under A's paths. */
    private List<Call> ticketAndModuleCalls() {
        String ticketB = ticketsAndModulesB.get("{ticketId}");
        String moduleB = ticketsAndModulesB.get("{moduleId}");
        String missingTicket = IdKind.TICKET.next();
        String missingModule = IdKind.MODULE.next();
        Function<String, Object> noBody = id -> null;
        return List.of(
                new Call("GET", "/tickets/%s", noBody, ticketB, missingTicket),
                new Call("GET", "/tickets/%s/comments", noBody, ticketB, missingTicket),
                new Call("PUT", "/tickets/%s/assignee", id -> Json.object("userId", memberA.userId()), ticketB,
                        missingTicket),
                new Call("DELETE", "/tickets/%s/assignee", noBody, ticketB, missingTicket),
                new Call("POST", "/tickets/%s/comments", id -> Json.object("body", "Stolen"), ticketB, missingTicket),
                new Call("PUT", "/tickets/%s/status", id -> Json.object("status", "in_progress"), ticketB,
                        missingTicket),
                new Call("GET", "/modules/%s", noBody, moduleB, missingModule),
                new Call("GET", "/modules/%s/versions", noBody, moduleB, missingModule),
                new Call("GET", "/modules/%s/versions/" + TicketAndModuleFixtures.VERSION, noBody, moduleB,
                        missingModule),
                new Call("POST", "/modules/%s/versions/" + TicketAndModuleFixtures.VERSION + "/deprecate",
                        id -> Json.object("reason", "Stolen"), moduleB, missingModule));
    }

    /** B's conversation, message and tool call under A's paths, and B's message and tool call under A's conversation. */
    private List<Call> conversationCalls() {
        Function<String, Object> noBody = id -> null;
        String missing = IdKind.CONVERSATION.next();
        String theirs = chatB.conversationId();
        String ownChat = "/conversations/" + chatA.conversationId();
        return List.of(
                new Call("GET", "/conversations/%s", noBody, theirs, missing),
                new Call("PATCH", "/conversations/%s", id -> Json.object("title", "Stolen"), theirs, missing),
                new Call("POST", "/conversations/%s/archive", noBody, theirs, missing),
                new Call("POST", "/conversations/%s/restore", noBody, theirs, missing),
                new Call("GET", "/conversations/%s/messages", noBody, theirs, missing),
                new Call("POST", "/conversations/%s/messages", id -> Json.object("role", "user", "content", "x"),
                        theirs, missing),
                new Call("GET", "/conversations/%s/messages/" + chatB.messageId(), noBody, theirs, missing),
                new Call("GET", "/conversations/%s/tool-calls", noBody, theirs, missing),
                new Call("GET", "/conversations/%s/tool-calls/" + chatB.toolCallId(), noBody, theirs, missing),
                new Call("POST", "/conversations/%s/tool-calls/" + chatB.toolCallId() + "/approve", noBody, theirs,
                        missing),
                new Call("GET", ownChat + "/messages/%s?minPosition=" + chatA.position(), noBody, chatB.messageId(),
                        IdKind.MESSAGE.next()),
                new Call("GET", ownChat + "/tool-calls/%s?minPosition=" + chatA.position(), noBody,
                        chatB.toolCallId(), IdKind.TOOL_CALL.next()),
                new Call("POST", ownChat + "/tool-calls/%s/approve", noBody, chatB.toolCallId(),
                        IdKind.TOOL_CALL.next()),
                new Call("POST", ownChat + "/tool-calls/%s/reject", noBody, chatB.toolCallId(),
                        IdKind.TOOL_CALL.next()));
    }

    /** B's conversation is active under its first title, with one message and its tool call pending. */
    private void assertChatBUntouched() {
        String chat = "/api/orgs/" + orgB + "/conversations/" + chatB.conversationId();
        JsonNode conversation = root.get(chat + "?minPosition=" + chatB.position()).json();
        assertThat(conversation.get("status").asString()).isEqualTo("active");
        assertThat(conversation.get("title").asString()).startsWith("Chat ");
        assertThat(conversation.get("messageCount").asInt()).isEqualTo(1);
        assertThat(root.get(chat + "/tool-calls/" + chatB.toolCallId()).json().get("status").asString())
                .isEqualTo("pending");
    }

    /** A's conversation lists hold none of B's rows. */
    private void assertOwnConversationsOnly(Api a, String base, Set<String> bIds, long min) {
        String chat = base + "/conversations/" + chatA.conversationId();
        for (String list : List.of(base + "/conversations", chat + "/messages", chat + "/tool-calls",
                base + "/tool-calls", base + "/token-totals")) {
            List<JsonNode> rows = Fixtures.items(a.get(list + "?limit=200&minPosition=" + min));
            assertThat(rows).as("A's rows in " + list).isNotEmpty();
            assertNoneOf(bIds, rows, list);
        }
        assertThat(Fixtures.items(a.get(base + "/tool-calls?status=pending")).toString())
                .contains(chatA.toolCallId());
    }

    /** B's ticket is open, uncommented and nobody's; B's module version is published, not deprecated. */
    private void assertTicketAndModuleOfBUntouched() {
        String ticketB = ticketsAndModulesB.get("{ticketId}");
        JsonNode ticket = root.get("/api/orgs/" + orgB + "/tickets/" + ticketB).json();
        assertThat(ticket.get("status").asString()).isEqualTo("open");
        assertThat(ticket.get("commentCount").asInt()).isZero();
        assertThat(ticket.get("assigneeId").isNull()).isTrue();
        JsonNode version = root.get("/api/orgs/" + orgB + "/modules/" + ticketsAndModulesB.get("{moduleId}")
                + "/versions/" + TicketAndModuleFixtures.VERSION).json();
        assertThat(version.get("status").asString()).isEqualTo("published");
    }

    @Test
    void ownListsNeverContainRowsOfAnotherOrganization() {
        Api a = adminA.api();
        String base = "/api/orgs/" + orgA;
        // Give A rows of every kind too, so the lists are not trivially empty.
        String roleA = Fixtures.role(adminA.api(), orgA, "A only " + Fixtures.unique()).id();
        SecurityFixtures.apiKey(a, orgA, "organizations:read");
        Api.Response requestA = memberA.api().post(base + "/access-requests",
                Json.object("roleId", roleA, "justification", "A business"));
        assertThat(requestA.status()).as(requestA.body()).isEqualTo(201);
        long min = requestA.position();
        Set<String> bIds = new HashSet<>(Set.of(orgB, memberB.userId(), roleB, keyB, requestB,
                invitationB));
        bIds.addAll(infrastructureB.ids());
        bIds.addAll(credentialsB.ids());
        bIds.addAll(agentSessionsB.ids());
        bIds.addAll(List.of(chatB.conversationId(), chatB.messageId(), chatB.toolCallId()));
        InfrastructureWorld infrastructureA = InfrastructureWorld.create(a, orgA);

        assertNoneOf(bIds, Fixtures.items(a.get(base + "/members?limit=200&minPosition=" + min)), "members");
        assertNoneOf(bIds, Fixtures.items(a.get(base + "/roles?limit=200&minPosition=" + min)), "roles");
        assertNoneOf(bIds, Fixtures.items(a.get(base + "/api-keys?limit=200&minPosition=" + min)), "api keys");
        assertNoneOf(bIds, Fixtures.items(a.get(base + "/access-requests?limit=200&minPosition=" + min)),
                "access requests");
        assertNoneOf(bIds, Fixtures.items(a.get(base + "/audit?limit=200&minPosition=" + min)), "audit");
        assertNoneOf(bIds, Fixtures.items(a.get(base + "/activity?limit=200&minPosition=" + min)), "activity");
        assertNoneOf(bIds, Fixtures.items(a.get(base + "/invitations?limit=200&minPosition=" + min)), "invitations");
        assertNoneOf(bIds, Fixtures.items(adminA.api().get("/api/me/organizations?minPosition=" + min)),
                "own organizations");
        long infraMin = SecurityFixtures.audit(a, orgA, "limit=1").get(0).get("position").asLong();
        for (String list : List.of("/projects", "/workspaces", "/drifted-workspaces",
                "/projects/" + infrastructureA.projectId() + "/workspaces",
                "/workspaces/" + infrastructureA.workspaceId() + "/runs",
                "/workspaces/" + infrastructureA.workspaceId() + "/drift-checks")) {
            List<JsonNode> rows = Fixtures.items(a.get(base + list + "?limit=200&minPosition=" + infraMin));
            assertThat(rows).as("A's rows in " + list).isNotEmpty();
            assertNoneOf(bIds, rows, list);
        }
        assertOwnTicketsAndModulesOnly(a, base);
        assertOwnConversationsOnly(a, base, bIds, min);
        CredentialWorld credentialsA = CredentialWorld.create(a, orgA);
        long credentialsMin = SecurityFixtures.audit(a, orgA, "limit=1").get(0).get("position").asLong();
        for (String list : List.of("/credential-types", "/credentials", "/app-credentials")) {
            List<JsonNode> rows = Fixtures.items(a.get(base + list + "?limit=200&minPosition=" + credentialsMin));
            assertThat(rows.toString()).as("A's rows in " + list).containsAnyOf(credentialsA.ids().toArray(String[]::new));
            assertNoneOf(bIds, rows, list);
        }
        // The lists hold A's rows.
        assertThat(Fixtures.items(a.get(base + "/roles?limit=200")).toString()).contains(roleA);
        assertThat(Fixtures.items(a.get(base + "/access-requests?limit=200")).toString()).contains(requestA.id());
    }

    @Test
    void anApiKeyOfOneOrganizationOpensNoOther() {
        String keyOfAdminA = SecurityFixtures.apiKey(adminA.api(), orgA, "organizations:read", "members:read")
                .json().get("secret").asString();
        Api withKey = root.anonymous().withToken(keyOfAdminA);
        assertThat(withKey.get("/api/orgs/" + orgA).status()).isEqualTo(200);
        assertProblem(withKey.get("/api/orgs/" + orgB), 404, "ORGANIZATION_NOT_FOUND");
        assertProblem(withKey.get("/api/orgs/" + orgB + "/members"), 404, "ORGANIZATION_NOT_FOUND");

        // Also when the key's issuer is a member of both organizations.
        String keyOfRoot = SecurityFixtures.apiKey(root, orgA, "organizations:read", "members:read")
                .json().get("secret").asString();
        Api rootKey = root.anonymous().withToken(keyOfRoot);
        assertThat(rootKey.get("/api/orgs/" + orgA).status()).isEqualTo(200);
        assertThat(root.get("/api/orgs/" + orgB).status()).as("the issuer itself may read B").isEqualTo(200);
        Api.Response other = rootKey.get("/api/orgs/" + orgB);
        assertProblem(other, 404, "ORGANIZATION_NOT_FOUND");
        Api.Response missing = rootKey.get("/api/orgs/" + IdKind.ORGANIZATION.next());
        assertProblem(missing, 404, "ORGANIZATION_NOT_FOUND");
        assertProblem(rootKey.get("/api/orgs/" + orgB + "/members"), 404, "ORGANIZATION_NOT_FOUND");
    }

    /** The calls whose answer with B's id differs from the answer with a missing id, described. */
    private static List<String> failures(Api a, String base, List<Call> calls) {
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            Api.Response other = a.send(call.method(), base + call.path().formatted(call.theirs()),
                    call.body().apply(call.theirs()));
            Api.Response missing = a.send(call.method(), base + call.path().formatted(call.missing()),
                    call.body().apply(call.missing()));
            if (other.status() != 404 || missing.status() != 404 || !other.code().equals(missing.code())) {
                failures.add(call.method() + " " + call.path() + " with B's id: " + other.status() + " " + other.body()
                        + " / with a missing id: " + missing.status() + " " + missing.body());
            } else {
                assertThat(other.isProblem()).isTrue();
                assertSameShape(call.method() + " " + call.path(), other.json(), call.theirs(), missing.json(),
                        call.missing());
            }
        }
        return failures;
    }

    /**
     * A's ticket and module lists hold A's rows and none of B's, also when A publishes a module with
     * the coordinates of B's: that is a module of A's own.
     */
    private void assertOwnTicketsAndModulesOnly(Api a, String base) {
        Map<String, String> ownA = TicketAndModuleFixtures.create(a, orgA);
        Api.Response sameCoordinates = a.post(base + "/modules", Json.object("namespace", "acme", "name", "fixture",
                "provider", "aws", "version", "9.0.0", "source", "./modules/elsewhere"));
        assertThat(sameCoordinates.status()).as(sameCoordinates.body()).isEqualTo(201);
        assertThat(sameCoordinates.id()).isEqualTo(ownA.get("{moduleId}"))
                .isNotEqualTo(ticketsAndModulesB.get("{moduleId}"));
        long min = sameCoordinates.position();
        Set<String> bIds = Set.of(orgB, ticketsAndModulesB.get("{ticketId}"), ticketsAndModulesB.get("{moduleId}"));
        List<JsonNode> tickets = Fixtures.items(a.get(base + "/tickets?limit=200&minPosition=" + min));
        List<JsonNode> modules = Fixtures.items(a.get(base + "/modules?limit=200&minPosition=" + min));
        assertNoneOf(bIds, tickets, "tickets");
        assertNoneOf(bIds, modules, "modules");
        assertNoneOf(bIds, Fixtures.items(a.get(base + "/modules/" + ownA.get("{moduleId}") + "/versions")),
                "module versions");
        assertThat(tickets.toString()).contains(ownA.get("{ticketId}"));
        assertThat(modules.toString()).contains(ownA.get("{moduleId}"));
    }

    private static void assertNoneOf(Set<String> ids, List<JsonNode> rows, String what) {
        for (JsonNode row : rows) {
            String text = row.toString();
            for (String id : ids) {
                assertThat(text).as(what + " row " + text).doesNotContain(id);
            }
        }
    }

    /** Same fields, same values, but for the id in them. */
    private static void assertSameShape(String what, JsonNode actual, String actualId, JsonNode expected,
                                       String expectedId) {
        assertThat(fields(actual)).as(what).isEqualTo(fields(expected));
        for (String field : fields(expected)) {
            if (Set.of("requestId", "correlationId", "timestamp").contains(field)) {
                continue;
            }
            assertThat(actual.get(field).toString().replace(actualId, "ID")).as(what + " " + field)
                    .isEqualTo(expected.get(field).toString().replace(expectedId, "ID"));
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private String pathIn(String pattern, String org) {
        String path = TicketAndModuleFixtures.path(pattern, ticketsAndModulesB).replace("{orgId}", org)
                .replace("{userId}", memberB.userId())
                .replace("{roleId}", roleB)
                .replace("{keyId}", keyB)
                .replace("{requestId}", requestB)
                .replace("{invitationId}", invitationB)
                .replace("{permission}", "organizations:read")
                .replace("{conversationId}", chatB.conversationId())
                .replace("{messageId}", chatB.messageId())
                .replace("{toolCallId}", chatB.toolCallId());
        return governanceB.fill(agentSessionsB.fill(pattern, policiesB.fill(mcpServersB.fill(pattern,
                credentialsB.fill(pattern, infrastructureB.fill(pattern, path))))));
    }

    private Map<String, Object> body(String endpoint) {
        Map<String, Object> ticketOrModule = TicketAndModuleFixtures.body(endpoint, "iso", memberA.userId());
        Map<String, Object> credential = CredentialWorld.body(endpoint, "iso", Fixtures.unique(), credentialsB.typeId());
        Map<String, Object> mcpServer = McpServerWorld.body(endpoint, "iso", Fixtures.unique());
        Map<String, Object> agentSession = agentSessionsB.body(endpoint, "iso");
        Map<String, Object> governance = GovernanceReads.body(endpoint);
        return ticketOrModule != null ? ticketOrModule : credential != null ? credential : mcpServer != null ? mcpServer
                : agentSession != null ? agentSession : governance != null ? governance
                : SecurityFixtures.body(endpoint, "iso", memberA.userId(), roleB, roleB);
    }

    /**
     * A request under organization A's paths naming one of B's ids ({@code theirs}) or a missing one:
     * {@code %s} in the path stands for the id, and {@code body} makes the body for it.
     */
    private record Call(String method, String path, Function<String, Object> body, String theirs, String missing) {
    }
}
