package dev.warden.query.conversations;

import dev.warden.query.support.InvalidQueryException;
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

/**
 * Reads of an organization's conversations, their messages and its token totals per model, each
 * page from an index in its order. Another organization's conversations are never seen.
 */
@Repository
public class ConversationQueries {

    private final JdbcClient jdbc;

    ConversationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's conversations, newest first. */
    public Page<ConversationView> conversations(String organizationId, PageRequest page) {
        List<ConversationView> rows = NewestFirst.bind(jdbc.sql(
                        "SELECT * FROM conversations WHERE organization_id = :org AND " + NewestFirst.FROM_CURSOR)
                .param("org", organizationId), page)
                .query((rs, n) -> conversation(rs))
                .list();
        return page.page(rows, c -> NewestFirst.key(c.createdAt(), c.id()));
    }

    /** One conversation, if it is the organization's. */
    public Optional<ConversationView> conversation(String organizationId, String conversationId) {
        return jdbc.sql("SELECT * FROM conversations WHERE organization_id = ? AND id = ?")
                .params(organizationId, conversationId)
                .query((rs, n) -> conversation(rs))
                .optional();
    }

    /** A conversation's messages in the order they were posted; the cursor is the last message's number. */
    public Page<MessageView> messages(String organizationId, String conversationId, PageRequest page) {
        List<MessageView> rows = jdbc.sql("""
                        SELECT * FROM messages
                        WHERE conversation_id = :conversation AND sequence > :after AND organization_id = :org
                        ORDER BY sequence LIMIT :limit""")
                .param("conversation", conversationId)
                .param("after", sequenceAfter(page))
                .param("org", organizationId)
                .param("limit", page.fetchSize())
                .query((rs, n) -> message(rs))
                .list();
        return page.page(rows, m -> Integer.toString(m.sequence()));
    }

    /** One message, if it is of this conversation of the organization. */
    public Optional<MessageView> message(String organizationId, String conversationId, String messageId) {
        return jdbc.sql("SELECT * FROM messages WHERE id = ? AND conversation_id = ? AND organization_id = ?")
                .params(messageId, conversationId, organizationId)
                .query((rs, n) -> message(rs))
                .optional();
    }

    /** The organization's token usage per model, by model name. */
    public Page<TokenTotalView> tokenTotals(String organizationId, PageRequest page) {
        List<TokenTotalView> rows = jdbc.sql("""
                        SELECT * FROM conversation_token_totals
                        WHERE organization_id = :org AND model > :after ORDER BY model LIMIT :limit""")
                .param("org", organizationId)
                .param("after", page.after() == null ? "" : page.after())
                .param("limit", page.fetchSize())
                .query((rs, n) -> new TokenTotalView(rs.getString("model"), rs.getLong("messages"),
                        rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getLong("cached_tokens")))
                .list();
        return page.page(rows, TokenTotalView::model);
    }

    private static int sequenceAfter(PageRequest page) {
        if (page.after() == null) {
            return 0;
        }
        try {
            int sequence = Integer.parseInt(page.after());
            if (sequence > 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidQueryException("cursor", "is not a cursor this service handed out");
    }

    private static ConversationView conversation(ResultSet rs) throws SQLException {
        return new ConversationView(rs.getString("id"), rs.getString("organization_id"), rs.getString("user_id"),
                rs.getString("project_id"), rs.getString("workspace_id"), rs.getString("title"),
                rs.getString("status"), rs.getString("model"), rs.getInt("message_count"),
                rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getLong("cached_tokens"),
                Rows.instant(rs, "last_message_at"), Rows.instant(rs, "archived_at"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    private static MessageView message(ResultSet rs) throws SQLException {
        return new MessageView(rs.getString("id"), rs.getString("conversation_id"), rs.getInt("sequence"),
                rs.getString("role"), rs.getString("author_id"), rs.getString("posted_by"), rs.getString("content"),
                rs.getString("model"), nullableLong(rs, "input_tokens"), nullableLong(rs, "output_tokens"),
                nullableLong(rs, "cached_tokens"), rs.getString("tool_calls"), Rows.instant(rs, "created_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
