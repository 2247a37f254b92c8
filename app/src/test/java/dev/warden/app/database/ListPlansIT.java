package dev.warden.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.GovernanceRows;
import dev.warden.app.support.LargeTenant;
import dev.warden.app.support.LargeTenant.Owner;
import dev.warden.query.access.AccessQueries;
import dev.warden.query.access.AccessRequestQueries;
import dev.warden.query.audit.AuditQuery;
import dev.warden.query.audit.AuditTrail;
import dev.warden.query.conversations.ConversationQueries;
import dev.warden.query.conversations.ToolCallQueries;
import dev.warden.query.credentials.CredentialQueries;
import dev.warden.query.governance.AgentSessionQueries;
import dev.warden.query.governance.DecisionQueries;
import dev.warden.query.governance.McpServerQueries;
import dev.warden.query.governance.PolicyQueries;
import dev.warden.query.identity.ApiKeyQueries;
import dev.warden.query.identity.IdentityQueries;
import dev.warden.query.identity.InvitationQueries;
import dev.warden.query.identity.SessionQueries;
import dev.warden.query.infrastructure.ProjectQueries;
import dev.warden.query.infrastructure.RunQueries;
import dev.warden.query.infrastructure.WorkspaceQueries;
import dev.warden.query.infrastructure.ModuleQueries;
import dev.warden.query.infrastructure.TicketQueries;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.testdatabase.TestDatabase;
import java.lang.reflect.Constructor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every list is served by an index in its page order, so a page costs the same at a hundred rows as
 * at a million. One tenant holds {@value #ROWS} rows in each list, among a thousand small ones; each
 * list's first page and a page from the middle are explained as PostgreSQL runs them, planned for
 * the values and as the generic plan a prepared statement may be given: the page reads a bounded
 * number of rows through an index of its table and sorts nothing. The rows live in a database of
 * their own, dropped afterwards.
 */
class ListPlansIT {

    private static final int ROWS = 50_000;
    private static final int LIMIT = 20;
    /** Rows a page may read in all: a page from each of two indexes, and a row joined to each. */
    private static final int MOST_ROWS_READ = 5 * (LIMIT + 1);
    private static final String DATABASE = "warden_list_plans";

    private static Connection connection;
    private static ExplainedQueries explained;
    private static final List<ListCase> CASES = new ArrayList<>();

    /** A list: its name, the table it reads, whether it may sort, and the read of a page. */
    record ListCase(String name, String table, boolean sortsLimitedInputs, String deepCursor,
                    Function<PageRequest, Page<?>> read) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void fillLargeTenants() throws SQLException {
        DatabaseSettings server = DatabaseSettings.parse(TestDatabase.url(), "disable");
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.driverProperties());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        DatabaseSettings own = new DatabaseSettings(server.host(), server.port(), DATABASE, server.user(),
                server.password(), server.sslMode());
        Flyway.configure().dataSource(own.jdbcUrl(), own.user(), own.password())
                .locations("classpath:db/migration").load().migrate();
        connection = DriverManager.getConnection(own.jdbcUrl(), own.driverProperties());
        explained = new ExplainedQueries(connection);
        JdbcClient jdbc = explained.jdbc();
        String org = "org_large";
        String user = "usr_large";
        String auditOrg = "org_large_audit";
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO organizations (id, name, created_at, updated_at, last_event_position) VALUES
                        ('org_large', 'Large', now(), now(), 1), ('org_large_audit', 'Audited', now(), now(), 1);
                    INSERT INTO users (id, email, display_name, status, created_at, updated_at, last_event_position)
                    VALUES ('usr_large', 'usr_large@example.com', 'Large', 'active', now(), now(), 1);
                    INSERT INTO roles (id, name, system, version, created_at, updated_at, last_event_position)
                    SELECT 'role_system_' || g, 'System ' || g, true, 1, now(), now(), 1 FROM generate_series(1, 4) g
                    """);
        }
        // Around the large tenant, as in any service with many: a thousand organizations and users
        // with a few rows in each list, and the rows of all interleaved with the large tenant's.
        LargeTenant background = new LargeTenant(connection);
        Owner organizations = Owner.spread("org_small_", 1000);
        Owner users = Owner.spread("usr_small_", 1000);
        background.organizations("org_small_", 1000);
        fill(background, organizations, users, ROWS / 5);
        background.events(organizations, ROWS / 5);

        Cursors middle = fill(new LargeTenant(connection), Owner.of(org), Owner.of(user), ROWS);
        add("roles", "roles", middle.roles(), p -> bean(AccessQueries.class, jdbc).roles(org, p));
        add("members", "members", middle.members(), p -> bean(IdentityQueries.class, jdbc).members(org, p));
        add("organization's invitations", "invitations", middle.invitations(),
                p -> bean(InvitationQueries.class, jdbc).ofOrganization(org, p));
        add("invitations addressed to the user", "invitations", middle.invitations(),
                p -> bean(InvitationQueries.class, jdbc).addressedTo(user, p));
        add("API keys", "api_keys", middle.apiKeys(), p -> bean(ApiKeyQueries.class, jdbc).keys(org, p));
        add("access requests", "access_requests", middle.accessRequests(),
                p -> bean(AccessRequestQueries.class, jdbc).requests(org, null, p));
        add("pending access requests", "access_requests", middle.accessRequests(),
                p -> bean(AccessRequestQueries.class, jdbc).requests(org, "pending", p));
        add("sessions", "sessions", middle.sessions(), p -> bean(SessionQueries.class, jdbc).sessions(user, p));
        add("linked accounts", "accounts", middle.accounts(), p -> bean(IdentityQueries.class, jdbc).accounts(user, p));
        addConversations(jdbc, org, organizations);
        addGovernance(jdbc, org, organizations);

        // Infrastructure: projects, workspaces (the organization's, a project's, the drifted ones), and a
        // workspace's runs and drift checks.
        background.projects(organizations, ROWS / 5);
        background.workspaces(organizations, "prj_background", ROWS / 5);
        LargeTenant infrastructure = new LargeTenant(connection);
        String projects = infrastructure.projects(Owner.of(org), ROWS);
        String workspaces = infrastructure.workspaces(Owner.of(org), "prj_large", ROWS);
        String runs = infrastructure.runs(Owner.of(org), "wks_large", ROWS);
        String checks = infrastructure.driftChecks(Owner.of(org), "wks_large", ROWS);
        add("projects", "projects", projects, p -> bean(ProjectQueries.class, jdbc).projects(org, p));
        add("workspaces", "workspaces", workspaces, p -> bean(WorkspaceQueries.class, jdbc).workspaces(org, p));
        add("a project's workspaces", "workspaces", workspaces,
                p -> bean(WorkspaceQueries.class, jdbc).ofProject(org, "prj_large", p));
        add("drifted workspaces", "workspaces", workspaces, p -> bean(WorkspaceQueries.class, jdbc).drifted(org, p));
        add("a workspace's runs", "workspace_runs", runs, p -> bean(RunQueries.class, jdbc).runs(org, "wks_large", p));
        add("a workspace's drift checks", "drift_detection", checks,
                p -> bean(RunQueries.class, jdbc).driftChecks(org, "wks_large", p));
        // Tickets and the module registry, among those of the small organizations.
        LargeTenant smallInfrastructure = new LargeTenant(connection);
        smallInfrastructure.tickets(organizations, ROWS / 5);
        smallInfrastructure.ticketComments(organizations, Owner.spread("tkt_small_", 1000), ROWS / 5);
        smallInfrastructure.modules(organizations, ROWS / 5);
        smallInfrastructure.moduleVersions(organizations, Owner.spread("mod_small_", 1000), ROWS / 5);
        LargeTenant registry = new LargeTenant(connection);
        String tickets = registry.tickets(Owner.of(org), ROWS);
        TicketQueries ticketQueries = bean(TicketQueries.class, jdbc);
        add("tickets", "tickets", tickets, p -> ticketQueries.tickets(org, null, null, p));
        add("tickets in progress", "tickets", tickets, p -> ticketQueries.tickets(org, null, "in_progress", p));
        add("tickets of a project", "tickets", tickets, p -> ticketQueries.tickets(org, "prj_large", null, p));
        add("tickets of a project in progress", "tickets", tickets,
                p -> ticketQueries.tickets(org, "prj_large", "in_progress", p));
        add("ticket comments", "ticket_comments",
                registry.ticketComments(Owner.of(org), Owner.of("tkt_large"), ROWS),
                p -> ticketQueries.comments(org, "tkt_large", p));
        ModuleQueries moduleQueries = bean(ModuleQueries.class, jdbc);
        add("modules", "modules", registry.modules(Owner.of(org), ROWS), p -> moduleQueries.modules(org, p));
        add("module versions", "module_registry",
                registry.moduleVersions(Owner.of(org), Owner.of("mod_large"), ROWS),
                p -> moduleQueries.versions(org, "mod_large", p));

        // Credentials: types (the organization's and the system's, merged), cloud provider and app credentials.
        LargeTenant smallCredentials = new LargeTenant(connection);
        smallCredentials.credentialTypes(organizations, ROWS / 5);
        smallCredentials.credentials(organizations, true, ROWS / 5);
        smallCredentials.credentials(organizations, false, ROWS / 5);
        new LargeTenant(connection).credentialTypes(null, 3);
        LargeTenant vault = new LargeTenant(connection);
        CredentialQueries credentialQueries = bean(CredentialQueries.class, jdbc);
        CASES.add(new ListCase("credential types", "credential_type", true, vault.credentialTypes(Owner.of(org), ROWS),
                p -> credentialQueries.types(org, p)));
        add("cloud provider credentials", "cloud_provider_credentials", vault.credentials(Owner.of(org), true, ROWS),
                p -> credentialQueries.credentials(CredentialQueries.Table.CLOUD, org, p));
        add("app credentials", "app_credentials", vault.credentials(Owner.of(org), false, ROWS),
                p -> credentialQueries.credentials(CredentialQueries.Table.APP, org, p));

        // The audit trail merges the organization's events (an index in page order) with each
        // member's account-wide ones: a sort over at most a page per member, never the organization's.
        LargeTenant audited = new LargeTenant(connection);
        String events = audited.events(Owner.of(auditOrg), ROWS);
        audited.members(Owner.of(auditOrg), 3);
        AuditQuery everything = AuditQuery.of(null, null, null, null, null);
        CASES.add(new ListCase("audit trail", "domain_event_entry", true, events,
                p -> bean(AuditTrail.class, jdbc).events(auditOrg, everything, p)));
        CASES.add(new ListCase("activity feed", "domain_event_entry", true, events,
                p -> bean(AuditTrail.class, jdbc).activity(auditOrg, everything, p)));
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    @AfterAll
    static void dropTheirDatabase() throws SQLException {
        connection.close();
        DatabaseSettings server = DatabaseSettings.parse(TestDatabase.url(), "disable");
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.driverProperties());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + DATABASE);
        }
    }

    static Stream<ListCase> lists() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void aPageReadsItsRowsFromAnIndexInPageOrder(ListCase list) {
        for (String cursor : new String[] {null, list.deepCursor()}) {
            explained.take();
            Page<?> page = list.read().apply(PageRequest.of(LIMIT, cursor));

            assertThat(page.items()).as("a full page of %s", list).hasSize(LIMIT);
            ExplainedQueries.Explained query = explained.take().get(0);
            for (JsonNode plan : List.of(query.custom(), query.generic())) {
                String where = list + (cursor == null ? ", first page" : ", page from the middle")
                        + (plan == query.custom() ? ", planned for the values" : ", generic plan") + ":\n" + plan;
                List<JsonNode> nodes = nodes(plan.get(0).get("Plan"));
                assertThat(rowsRead(nodes)).as("rows read, " + where).isLessThanOrEqualTo(MOST_ROWS_READ);
                assertThat(nodes).as("an index scan of %s, %s", list.table(), where)
                        .anyMatch(n -> list.table().equals(n.path("Relation Name").asString(null))
                                && n.get("Node Type").asString().startsWith("Index"));
                if (!list.sortsLimitedInputs()) {
                    assertThat(nodes).as("no sort, " + where)
                            .noneMatch(n -> n.get("Node Type").asString().endsWith("Sort"));
                }
            }
        }
    }

    /**
     * The conversations context's lists: the organization's conversations, one conversation of
     * {@value #ROWS} messages and tool calls, the organization's tool calls and its token totals,
     * among those of the small organizations.
     */
    private static void addConversations(JdbcClient jdbc, String org, Owner smallOrganizations) throws SQLException {
        new LargeTenant(connection).conversations(smallOrganizations, ROWS / 5);
        new LargeTenant(connection).tokenTotals(smallOrganizations, ROWS / 5);
        for (int i = 1; i <= 10; i++) {
            new LargeTenant(connection).longConversation(Owner.of("org_small_" + i), ROWS / 100);
        }
        LargeTenant chat = new LargeTenant(connection);
        String conversations = chat.conversations(Owner.of(org), ROWS);
        String messages = chat.longConversation(Owner.of(org), ROWS);
        String toolCalls = chat.toolCallCursor(ROWS);
        String totals = chat.tokenTotals(Owner.of(org), ROWS);
        String conversation = chat.conversationId();
        add("conversations", "conversations", conversations,
                p -> bean(ConversationQueries.class, jdbc).conversations(org, p));
        add("a conversation's messages", "messages", messages,
                p -> bean(ConversationQueries.class, jdbc).messages(org, conversation, p));
        add("a conversation's tool calls", "tool_calls", toolCalls,
                p -> bean(ToolCallQueries.class, jdbc).ofConversation(org, conversation, p));
        add("tool calls", "tool_calls", toolCalls, p -> bean(ToolCallQueries.class, jdbc).ofOrganization(org, null, p));
        add("pending tool calls", "tool_calls", toolCalls,
                p -> bean(ToolCallQueries.class, jdbc).ofOrganization(org, "pending", p));
        add("token totals per model", "conversation_token_totals", totals,
                p -> bean(ConversationQueries.class, jdbc).tokenTotals(org, p));
    }

    /**
     * The governance context's lists: servers and a server's tools, policies in evaluation order and a
     * policy's versions, sessions (all, open), a session's decisions and the organization's (all, of an
     * outcome, in a time range), and approvals (all, pending), among those of the small organizations.
     */
    private static void addGovernance(JdbcClient jdbc, String org, Owner small) throws SQLException {
        GovernanceRows background = new GovernanceRows(new LargeTenant(connection));
        background.servers(small, ROWS / 5);
        background.tools(small, Owner.spread("mcp_small_", 1000), ROWS / 5);
        background.policies(small, ROWS / 5);
        background.policyVersions(small, Owner.spread("pol_small_", 1000), ROWS / 5);
        background.sessions(small, ROWS / 5);
        background.decisions(small, Owner.spread("ags_small_", 1000), ROWS / 5);
        background.approvals(small, ROWS / 5);
        GovernanceRows rows = new GovernanceRows(new LargeTenant(connection));
        McpServerQueries servers = bean(McpServerQueries.class, jdbc);
        PolicyQueries policies = bean(PolicyQueries.class, jdbc);
        AgentSessionQueries sessions = bean(AgentSessionQueries.class, jdbc);
        DecisionQueries decisions = bean(DecisionQueries.class, jdbc);
        add("MCP servers", "mcp_servers", rows.servers(Owner.of(org), ROWS), p -> servers.servers(org, p));
        add("a server's tools", "mcp_server_tools", rows.tools(Owner.of(org), Owner.of("mcp_large"), ROWS),
                p -> servers.tools(org, "mcp_large", p));
        add("policies", "policies", rows.policies(Owner.of(org), ROWS), p -> policies.policies(org, p));
        add("a policy's versions", "policy_versions", rows.policyVersions(Owner.of(org), Owner.of("pol_large"), ROWS),
                p -> policies.versions(org, "pol_large", p));
        String agentSessions = rows.sessions(Owner.of(org), ROWS);
        add("agent sessions", "agent_sessions", agentSessions, p -> sessions.sessions(org, null, p));
        add("open agent sessions", "agent_sessions", agentSessions, p -> sessions.sessions(org, "open", p));
        String recorded = rows.decisions(Owner.of(org), Owner.of("ags_large"), ROWS);
        add("a session's decisions", "decisions", recorded, p -> decisions.ofSession(org, "ags_large", p));
        add("decisions", "decisions", recorded, p -> decisions.ofOrganization(org, null, null, null, p));
        add("denied decisions", "decisions", recorded, p -> decisions.ofOrganization(org, "deny", null, null, p));
        add("decisions in a time range", "decisions", recorded, p -> decisions.ofOrganization(org, null,
                rows.made(ROWS * 3 / 4), rows.made(ROWS / 4), p));
        String approvals = rows.approvals(Owner.of(org), ROWS);
        add("approvals", "approvals", approvals, p -> sessions.approvals(org, null, p));
        add("pending approvals", "approvals", approvals, p -> sessions.approvals(org, "pending", p));
    }

    /** The cursors after the middle row of each list of a tenant. */
    private record Cursors(String roles, String members, String invitations, String apiKeys, String accessRequests,
                           String sessions, String accounts) {
    }

    /** {@code n} rows in each list of an organization and a user. */
    private static Cursors fill(LargeTenant rows, Owner org, Owner user, int n) throws SQLException {
        return new Cursors(rows.roles(org, n), rows.members(org, n), rows.invitations(org, user, n),
                rows.apiKeys(org, n), rows.accessRequests(org, n), rows.sessions(user, n), rows.accounts(user, n));
    }

    private static void add(String name, String table, String deepCursor, Function<PageRequest, Page<?>> read) {
        CASES.add(new ListCase(name, table, false, deepCursor, read));
    }

    /** Every row the page read from a table: those it kept and those its conditions removed. */
    private static long rowsRead(List<JsonNode> nodes) {
        return nodes.stream().filter(n -> n.has("Relation Name"))
                .mapToLong(n -> (n.path("Actual Rows").asLong() + n.path("Rows Removed by Filter").asLong()
                        + n.path("Rows Removed by Index Recheck").asLong()) * n.path("Actual Loops").asLong())
                .sum();
    }

    private static List<JsonNode> nodes(JsonNode plan) {
        List<JsonNode> nodes = new ArrayList<>(List.of(plan));
        for (JsonNode child : plan.path("Plans")) {
            nodes.addAll(nodes(child));
        }
        return nodes;
    }

    private static <T> T bean(Class<T> type, JdbcClient jdbc) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(JdbcClient.class);
            constructor.setAccessible(true);
            return constructor.newInstance(jdbc);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getName(), e);
        }
    }
}
