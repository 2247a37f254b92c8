package dev.warden.query.governance;

import dev.warden.events.governance.McpServerDeregisteredEvent;
import dev.warden.events.governance.McpServerRegisteredEvent;
import dev.warden.events.governance.McpServerResumedEvent;
import dev.warden.events.governance.McpServerSuspendedEvent;
import dev.warden.events.governance.McpServerUpdatedEvent;
import dev.warden.events.governance.ToolDefinitionApprovedEvent;
import dev.warden.events.governance.ToolDefinitionChangedEvent;
import dev.warden.events.governance.ToolPinnedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code mcp_servers} and {@code mcp_server_tools}: a server's settings and state, and each tool it
 * presented with the hash it is pinned to, held while a changed definition waits for approval. A server and
 * its tools are written under one key; every update applies only to a row whose last event is older, so
 * handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(GovernanceProcessing.GROUP)
public class McpServerProjection {

    private final ProjectionWrites writes;

    McpServerProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(McpServerRegisteredEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        writes.write(key(event.mcpServerId()), """
                        INSERT INTO mcp_servers (id, organization_id, name, transport, url, command, credential_id,
                                                 labels, status, registered_by, created_at, updated_at,
                                                 last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'active', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.mcpServerId(), event.organizationId(), event.name(), event.transport(), event.url(),
                event.command(), event.credentialId(), GovernanceJson.write(event.labels(), Map.of()), actorId,
                logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(McpServerUpdatedEvent event, Logged logged) {
        server(event.mcpServerId(), "name = ?, transport = ?, url = ?, command = ?, credential_id = ?,"
                + " labels = ?::jsonb", logged, event.name(), event.transport(), event.url(), event.command(), event.credentialId(),
                GovernanceJson.write(event.labels(), Map.of()));
    }

    @EventHandler
    public void on(McpServerSuspendedEvent event, Logged logged) {
        server(event.mcpServerId(), "status = 'suspended', suspension_reason = ?, suspended_at = ?", logged,
                event.reason(), logged.time());
    }

    @EventHandler
    public void on(McpServerResumedEvent event, Logged logged) {
        server(event.mcpServerId(), "status = 'active', suspension_reason = NULL, suspended_at = NULL", logged);
    }

    @EventHandler
    public void on(McpServerDeregisteredEvent event, Logged logged) {
        server(event.mcpServerId(), "status = 'deregistered', suspension_reason = NULL, suspended_at = NULL,"
                + " deregistered_at = ?", logged, logged.time());
    }

    @EventHandler
    public void on(ToolPinnedEvent event, Logged logged) {
        writes.write(key(event.mcpServerId()), """
                        INSERT INTO mcp_server_tools (mcp_server_id, tool_name, organization_id, status, pinned_hash,
                                                      description, pinned_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, 'pinned', ?, ?, ?, ?, ?) ON CONFLICT (mcp_server_id, tool_name) DO NOTHING""",
                event.mcpServerId(), event.toolName(), event.organizationId(), event.definitionHash(),
                event.description(), logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(ToolDefinitionChangedEvent event, Logged logged) {
        tool(event.mcpServerId(), event.toolName(), "status = 'held', presented_hash = ?, presented_description = ?,"
                + " held_at = ?", logged, event.presentedHash(), event.description(), logged.time());
    }

    /** The approved definition becomes the pinned one, with the description it was presented with. */
    @EventHandler
    public void on(ToolDefinitionApprovedEvent event, Logged logged) {
        tool(event.mcpServerId(), event.toolName(), """
                        status = 'pinned', pinned_hash = ?,
                        description = CASE WHEN presented_hash = ? THEN presented_description ELSE description END,
                        presented_hash = NULL, presented_description = NULL, held_at = NULL, approved_by = ?,
                        approved_at = ?""", logged, event.definitionHash(), event.definitionHash(),
                event.approvedBy(), logged.time());
    }

    @ResetHandler
    public void reset() {
        writes.clear("mcp_server_tools", "mcp_servers");
    }

    private void server(String serverId, String assignments, Logged logged, Object... values) {
        writes.updateRow(key(serverId), "mcp_servers", serverId, assignments, logged, values);
    }

    private void tool(String serverId, String toolName, String assignments, Logged logged, Object... values) {
        Object[] params = new Object[values.length + 5];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = logged.time();
        params[values.length + 1] = logged.position();
        params[values.length + 2] = serverId;
        params[values.length + 3] = toolName;
        params[values.length + 4] = logged.position();
        writes.write(key(serverId), "UPDATE mcp_server_tools SET " + assignments + ", updated_at = ?,"
                + " last_event_position = ? WHERE mcp_server_id = ? AND tool_name = ? AND last_event_position < ?",
                params);
    }

    private static String key(String serverId) {
        return "mcp-server " + serverId;
    }
}
