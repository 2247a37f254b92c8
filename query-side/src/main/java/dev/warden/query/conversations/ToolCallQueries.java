package dev.warden.query.conversations;

import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import dev.warden.query.support.TextParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the tool calls assistants proposed, newest first. Another organization's are never seen. */
@Repository
public class ToolCallQueries {

    /** The statuses a tool call can have, in the order they are listed in errors. */
    public static final List<String> STATUSES = List.of("pending", "approved", "rejected", "expired");


    private final JdbcClient jdbc;

    ToolCallQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A {@code status} query parameter: {@code null} when absent, refused when not a status. */
    public static String status(String value) {
        return TextParameters.oneOf("status", value, STATUSES);
    }

    /**
     * The organization's tool calls, newest first, optionally only those of one status. The status is
     * written into the statement only when asked for, so it is a condition of the index on
     * (organization, status, created_at, id), never a filter over the organization's other tool calls.
     */
    public Page<ToolCallView> ofOrganization(String organizationId, String status, PageRequest page) {
        String ofStatus = status == null ? "" : " AND status = :status";
        return list(NewestFirst.bind(jdbc.sql("SELECT * FROM tool_calls WHERE organization_id = :org" + ofStatus
                        + " AND " + NewestFirst.FROM_CURSOR)
                .param("org", organizationId)
                .param("status", status), page), page);
    }

    /** A conversation's tool calls, newest first. */
    public Page<ToolCallView> ofConversation(String organizationId, String conversationId, PageRequest page) {
        return list(NewestFirst.bind(jdbc.sql("SELECT * FROM tool_calls WHERE conversation_id = :conversation"
                        + " AND organization_id = :org AND " + NewestFirst.FROM_CURSOR)
                .param("conversation", conversationId)
                .param("org", organizationId), page), page);
    }

    /** One tool call, if it is of this conversation of the organization. */
    public Optional<ToolCallView> toolCall(String organizationId, String conversationId, String toolCallId) {
        return jdbc.sql("SELECT * FROM tool_calls WHERE id = ? AND conversation_id = ? AND organization_id = ?")
                .params(toolCallId, conversationId, organizationId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static Page<ToolCallView> list(JdbcClient.StatementSpec statement, PageRequest page) {
        List<ToolCallView> rows = statement.query((rs, n) -> view(rs)).list();
        return page.page(rows, t -> NewestFirst.key(t.createdAt(), t.id()));
    }

    private static ToolCallView view(ResultSet rs) throws SQLException {
        return new ToolCallView(rs.getString("id"), rs.getString("organization_id"), rs.getString("conversation_id"),
                rs.getString("message_id"), rs.getString("tool_name"), rs.getString("arguments"),
                rs.getString("status"), Rows.instant(rs, "expires_at"), rs.getString("proposed_by"),
                rs.getString("decided_by"), rs.getString("decision_reason"), Rows.instant(rs, "decided_at"),
                Rows.instant(rs, "created_at"));
    }
}
