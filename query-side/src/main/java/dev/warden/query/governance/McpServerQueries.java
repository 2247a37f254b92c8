package dev.warden.query.governance;

import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of an organization's MCP servers and their tools. Another organization's are never seen. */
@Repository
public class McpServerQueries {

    private final JdbcClient jdbc;

    McpServerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's servers, newest first, deregistered ones included. */
    public Page<McpServerView> servers(String organizationId, PageRequest page) {
        List<McpServerView> rows = NewestFirst.bind(jdbc.sql("SELECT * FROM mcp_servers WHERE organization_id = :org"
                        + " AND " + NewestFirst.FROM_CURSOR)
                .param("org", organizationId), page)
                .query((rs, n) -> server(rs))
                .list();
        return page.page(rows, s -> NewestFirst.key(s.createdAt(), s.id()));
    }

    /** One server, if it is the organization's. */
    public Optional<McpServerView> server(String organizationId, String serverId) {
        return jdbc.sql("SELECT * FROM mcp_servers WHERE id = ? AND organization_id = ?")
                .params(serverId, organizationId)
                .query((rs, n) -> server(rs))
                .optional();
    }

    /**
     * A server's tools by name; the cursor is the last tool's name. The organization is checked on the
     * server's row, so the page is the leading columns of the tools' key in page order.
     */
    public Page<McpToolView> tools(String organizationId, String serverId, PageRequest page) {
        List<McpToolView> rows = jdbc.sql("""
                        SELECT * FROM mcp_server_tools
                        WHERE mcp_server_id = :server AND tool_name > :after
                          AND EXISTS (SELECT 1 FROM mcp_servers WHERE id = :server AND organization_id = :org)
                        ORDER BY tool_name LIMIT :limit""")
                .param("server", serverId)
                .param("org", organizationId)
                .param("after", page.after() == null ? "" : page.after())
                .param("limit", page.fetchSize())
                .query((rs, n) -> tool(rs))
                .list();
        return page.page(rows, McpToolView::name);
    }

    private static McpServerView server(ResultSet rs) throws SQLException {
        return new McpServerView(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"),
                rs.getString("transport"), rs.getString("url"), rs.getString("command"), rs.getString("credential_id"),
                GovernanceJson.read(rs.getString("labels"), GovernanceJson.LABELS), rs.getString("status"),
                rs.getString("suspension_reason"), Rows.instant(rs, "suspended_at"),
                Rows.instant(rs, "deregistered_at"), rs.getString("registered_by"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    private static McpToolView tool(ResultSet rs) throws SQLException {
        return new McpToolView(rs.getString("mcp_server_id"), rs.getString("tool_name"), rs.getString("status"),
                rs.getString("pinned_hash"), rs.getString("description"), rs.getString("presented_hash"),
                rs.getString("presented_description"), Rows.instant(rs, "pinned_at"), Rows.instant(rs, "held_at"),
                rs.getString("approved_by"), Rows.instant(rs, "approved_at"));
    }
}
