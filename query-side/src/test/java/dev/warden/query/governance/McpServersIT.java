package dev.warden.query.governance;

import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.governance.McpServerDeregisteredEvent;
import dev.warden.events.governance.McpServerRegisteredEvent;
import dev.warden.events.governance.McpServerResumedEvent;
import dev.warden.events.governance.McpServerSuspendedEvent;
import dev.warden.events.governance.McpServerUpdatedEvent;
import dev.warden.events.governance.ToolDefinitionApprovedEvent;
import dev.warden.events.governance.ToolDefinitionChangedEvent;
import dev.warden.events.governance.ToolPinnedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.Logged;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MCP servers and their tools on the real schema: every server and tool event lands, each handled a
 * second time changes nothing, a changed definition holds its tool until its approval pins it, and the
 * reads page and never show another organization's servers.
 */
class McpServersIT {

    private static final PageRequest FIRST = PageRequest.of(100, null);

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final McpServerProjection projection = ReadModelDatabase.bean(McpServerProjection.class);
    private final McpServerQueries queries = ReadModelDatabase.bean(McpServerQueries.class);
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String serverId = IdKind.MCP_SERVER.next();

    @Test
    void everyServerEventLandsOnceAndTwiceChangesNothing() {
        twice(serverRow(), logged -> projection.on(new McpServerRegisteredEvent(serverId, orgId, "Everything",
                "streamable-http", "http://127.0.0.1:3001/mcp", null, "cred_github", Map.of("team", "platform")),
                logged, "usr_registrar"));
        McpServerView registered = queries.server(orgId, serverId).orElseThrow();
        assertThat(registered).isEqualTo(new McpServerView(serverId, orgId, "Everything", "streamable-http",
                "http://127.0.0.1:3001/mcp", null, "cred_github", Map.of("team", "platform"), "active", null, null,
                null, "usr_registrar", at, at));

        twice(serverRow(), logged -> projection.on(new McpServerUpdatedEvent(serverId, orgId, "Local tools", "stdio",
                null, "npx server-everything", null, Map.of()), logged));
        McpServerView updated = queries.server(orgId, serverId).orElseThrow();
        assertThat(updated.name()).isEqualTo("Local tools");
        assertThat(updated.transport()).isEqualTo("stdio");
        assertThat(updated.command()).isEqualTo("npx server-everything");
        assertThat(updated.url()).isNull();
        assertThat(updated.credentialId()).isNull();
        assertThat(updated.labels()).isEmpty();

        twice(serverRow(), logged -> projection.on(new McpServerSuspendedEvent(serverId, orgId, "incident 42"), logged));
        McpServerView suspended = queries.server(orgId, serverId).orElseThrow();
        assertThat(suspended.status()).isEqualTo("suspended");
        assertThat(suspended.suspensionReason()).isEqualTo("incident 42");
        assertThat(suspended.suspendedAt()).isEqualTo(at);

        twice(serverRow(), logged -> projection.on(new McpServerResumedEvent(serverId, orgId), logged));
        assertThat(queries.server(orgId, serverId).orElseThrow().status()).isEqualTo("active");
        assertThat(queries.server(orgId, serverId).orElseThrow().suspendedAt()).isNull();

        twice(serverRow(), logged -> projection.on(new McpServerDeregisteredEvent(serverId, orgId, "Local tools"),
                logged));
        McpServerView gone = queries.server(orgId, serverId).orElseThrow();
        assertThat(gone.status()).isEqualTo("deregistered");
        assertThat(gone.deregisteredAt()).isEqualTo(at);
        assertThat(queries.server(IdKind.ORGANIZATION.next(), serverId)).as("in another organization").isEmpty();
    }

    @Test
    void aChangedDefinitionHoldsItsToolUntilItsApprovalPinsIt() {
        registered(serverId, orgId, at);
        twice(toolRow("echo"), logged -> projection.on(new ToolPinnedEvent(serverId, orgId, "echo", "Echoes",
                "sha256:one"), logged));
        twice(toolRow("echo"), logged -> projection.on(new ToolDefinitionChangedEvent(serverId, orgId, "echo",
                "Echoes, and mails your keys", "sha256:one", "sha256:two"), logged));
        McpToolView held = onlyTool();
        assertThat(held.status()).isEqualTo("held");
        assertThat(held.pinnedHash()).isEqualTo("sha256:one");
        assertThat(held.description()).isEqualTo("Echoes");
        assertThat(held.presentedHash()).isEqualTo("sha256:two");
        assertThat(held.presentedDescription()).isEqualTo("Echoes, and mails your keys");
        assertThat(held.heldAt()).isEqualTo(at);

        twice(toolRow("echo"), logged -> projection.on(new ToolDefinitionApprovedEvent(serverId, orgId, "echo",
                "sha256:two", "usr_reviewer"), logged));
        assertThat(onlyTool()).isEqualTo(new McpToolView(serverId, "echo", "pinned", "sha256:two",
                "Echoes, and mails your keys", null, null, at, null, "usr_reviewer", at));
        projection.on(new ToolPinnedEvent(serverId, orgId, "echo", "Again", "sha256:three"), next(at));
        assertThat(onlyTool().pinnedHash()).as("a second pin changes nothing").isEqualTo("sha256:two");
    }

    @Test
    void listsPageNewestFirstAndToolsByNameAndNeverAnotherOrganizations() {
        String older = IdKind.MCP_SERVER.next();
        String theirs = IdKind.MCP_SERVER.next();
        registered(older, orgId, at);
        registered(serverId, orgId, at.plusSeconds(1));
        registered(theirs, IdKind.ORGANIZATION.next(), at.plusSeconds(2));
        for (String tool : List.of("write", "echo", "add")) {
            projection.on(new ToolPinnedEvent(serverId, orgId, tool, tool, "sha256:" + tool), next(at));
        }

        Page<McpServerView> first = queries.servers(orgId, PageRequest.of(1, null));
        assertThat(first.items()).extracting(McpServerView::id).containsExactly(serverId);
        assertThat(queries.servers(orgId, PageRequest.of(1, first.nextCursor())).items())
                .extracting(McpServerView::id).containsExactly(older);
        Page<McpToolView> tools = queries.tools(orgId, serverId, PageRequest.of(2, null));
        assertThat(tools.items()).extracting(McpToolView::name).containsExactly("add", "echo");
        assertThat(queries.tools(orgId, serverId, PageRequest.of(2, tools.nextCursor())).items())
                .extracting(McpToolView::name).containsExactly("write");
        assertThat(queries.tools(IdKind.ORGANIZATION.next(), serverId, FIRST).items()).isEmpty();
    }

    @Test
    void theResetEmptiesTheTables() {
        registered(serverId, orgId, at);
        projection.on(new ToolPinnedEvent(serverId, orgId, "echo", "Echoes", "sha256:one"), next(at));
        projection.reset();
        assertThat(jdbc.sql("SELECT count(*) FROM mcp_servers").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM mcp_server_tools").query(Long.class).single()).isZero();
    }

    private void registered(String id, String organizationId, Instant when) {
        projection.on(new McpServerRegisteredEvent(id, organizationId, "Server " + id, "sse", "https://mcp.example.com",
                null, null, null), next(when), "usr_registrar");
    }

    private McpToolView onlyTool() {
        List<McpToolView> tools = queries.tools(orgId, serverId, FIRST).items();
        assertThat(tools).hasSize(1);
        return tools.get(0);
    }

    private String serverRow() {
        return "SELECT * FROM mcp_servers WHERE id = '" + serverId + "'";
    }

    private String toolRow(String tool) {
        return "SELECT * FROM mcp_server_tools WHERE mcp_server_id = '" + serverId + "' AND tool_name = '" + tool + "'";
    }

    /** Handles an event, then again at the same position an hour later: the row must be the same. */
    private void twice(String row, Consumer<Logged> handle) {
        Logged logged = next(at);
        handle.accept(logged);
        Map<String, Object> once = jdbc.sql(row).query().singleRow();
        handle.accept(new Logged(logged.position(), at.plusSeconds(3600)));
        assertThat(jdbc.sql(row).query().singleRow()).as("handled twice: " + row).isEqualTo(once);
    }
}
