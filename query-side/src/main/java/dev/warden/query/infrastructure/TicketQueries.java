package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.TicketStatus;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.InvalidQueryException;
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

/** Reads of an organization's tickets and their comments. Another organization's are never seen. */
@Repository
public class TicketQueries {

    private final JdbcClient jdbc;

    TicketQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A {@code status} query parameter: {@code null} when absent, refused when not a ticket status. */
    public static String status(String value) {
        return TextParameters.oneOf("status", value, TicketStatus.WIRE_NAMES);
    }

    /** A {@code projectId} query parameter: {@code null} when absent, refused when not shaped like a project id. */
    public static String projectId(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!IdKind.PROJECT.matches(value)) {
            throw new InvalidQueryException("projectId", "must be a project id (prj_...)");
        }
        return value;
    }

    /**
     * The organization's tickets, newest first, optionally only those of one project and of one
     * status. Each condition is written into the statement only when asked for, so the statement is
     * always the leading columns of one index in page order: (organization, [project,] [status,]
     * created_at, id).
     */
    public Page<TicketView> tickets(String organizationId, String projectId, String status, PageRequest page) {
        String conditions = (projectId == null ? "" : " AND project_id = :project")
                + (status == null ? "" : " AND status = :status");
        List<TicketView> rows = NewestFirst.bind(jdbc.sql("SELECT * FROM tickets WHERE organization_id = :org"
                                + conditions + " AND " + NewestFirst.FROM_CURSOR)
                        .param("org", organizationId)
                        .param("project", projectId)
                        .param("status", status), page)
                .query((rs, n) -> view(rs))
                .list();
        return page.page(rows, t -> NewestFirst.key(t.createdAt(), t.id()));
    }

    /** One ticket, if it is the organization's. */
    public Optional<TicketView> ticket(String organizationId, String ticketId) {
        return jdbc.sql("SELECT * FROM tickets WHERE organization_id = ? AND id = ?")
                .params(organizationId, ticketId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /**
     * A ticket's comments in the order they were made, after the comment number the cursor holds;
     * none unless the ticket is the organization's. That check is a condition on the ticket, decided
     * once before the comments are read, so the page is read from the comments' primary key in order.
     */
    public Page<TicketCommentView> comments(String organizationId, String ticketId, PageRequest page) {
        List<TicketCommentView> rows = jdbc.sql("""
                        SELECT * FROM ticket_comments
                        WHERE ticket_id = :ticket AND number > :after
                          AND EXISTS (SELECT 1 FROM tickets WHERE id = :ticket AND organization_id = :org)
                        ORDER BY number LIMIT :limit""")
                .param("ticket", ticketId)
                .param("org", organizationId)
                .param("after", after(page))
                .param("limit", page.fetchSize())
                .query((rs, n) -> new TicketCommentView(rs.getString("ticket_id"), rs.getInt("number"),
                        rs.getString("body"), rs.getString("author_id"), Rows.instant(rs, "created_at")))
                .list();
        return page.page(rows, c -> Integer.toString(c.number()));
    }

    private static int after(PageRequest page) {
        if (page.after() == null) {
            return 0;
        }
        try {
            return Integer.parseInt(page.after());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("cursor", "is not a cursor this service handed out");
        }
    }

    private static TicketView view(ResultSet rs) throws SQLException {
        return new TicketView(rs.getString("id"), rs.getString("organization_id"), rs.getString("project_id"),
                rs.getString("workspace_id"), rs.getString("title"), rs.getString("description"),
                rs.getString("status"), rs.getString("priority"), rs.getString("reporter_id"),
                rs.getString("assignee_id"), rs.getInt("comment_count"), Rows.instant(rs, "resolved_at"),
                Rows.instant(rs, "closed_at"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
