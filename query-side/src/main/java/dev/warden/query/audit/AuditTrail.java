package dev.warden.query.audit;

import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit trail and the activity feed: views over the log, newest first. */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<AuditEventView> events(String organizationId, AuditQuery query, PageRequest page) {
        long before = cursorPosition(page);
        List<AuditEventView> rows = jdbc.sql(ofOrganization("""
                        SELECT position, event_id, occurred_at, event_type, entity_type, entity_id, entity_version,
                               actor_id, actor_type, request_id, correlation_id, causation_id, client_address,
                               payload::text AS payload
                        FROM audit_events e""", """
                          AND (CAST(:actor AS text) IS NULL OR actor_id = :actor)
                          AND (CAST(:type AS text) IS NULL OR event_type = :type)
                          AND (CAST(:entity AS text) IS NULL OR entity_id = :entity)
                          AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)"""))
                .param("org", organizationId)
                .param("before", before)
                .param("actor", query.actorId())
                .param("type", query.eventType())
                .param("entity", query.entityId())
                .param("from", query.from() == null ? null : Timestamp.from(query.from()))
                .param("to", query.to() == null ? null : Timestamp.from(query.to()))
                .param("limit", page.fetchSize())
                .query((rs, n) -> new AuditEventView(rs.getLong("position"), rs.getString("event_id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("event_type"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getLong("entity_version"),
                        rs.getString("actor_id"), rs.getString("actor_type"), rs.getString("request_id"),
                        rs.getString("correlation_id"), rs.getString("causation_id"), rs.getString("client_address"),
                        rs.getString("payload")))
                .list();
        return page.page(rows, e -> Long.toString(e.position()));
    }

    /** The organization's activity feed (the {@code activity_stream} view), newest first. */
    public Page<ActivityView> activity(String organizationId, PageRequest page) {
        long before = cursorPosition(page);
        List<ActivityView> rows = jdbc.sql(ofOrganization("""
                        SELECT position, occurred_at, actor_id, actor_type, event_type, entity_type, entity_id, subject
                        FROM activity_stream e""", ""))
                .param("org", organizationId)
                .param("before", before)
                .param("limit", page.fetchSize())
                .query((rs, n) -> new ActivityView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        return page.page(rows, a -> Long.toString(a.position()));
    }

    /**
     * A page of {@code select} (rows {@code e} of a view of the log) for an organization, newest first:
     * the events done in it, and the account-wide events (done in no organization, by the user or an
     * operator) of its current members since they joined, so each organization a user belongs to
     * sees what happens to its member. {@code filters} are further conditions on both.
     */
    private static String ofOrganization(String select, String filters) {
        String own = select + "\nWHERE e.organization_id = :org AND e.position < :before\n" + filters
                + "\nORDER BY e.position DESC LIMIT :limit";
        // Per member, their own few events through the (aggregate, sequence) index, never a log scan.
        String members = "SELECT page.* FROM members m CROSS JOIN LATERAL (" + select
                + "\nWHERE e.entity_id = m.user_id AND e.entity_type = 'User' AND e.organization_id IS NULL"
                + " AND e.occurred_at >= m.created_at AND e.position < :before\n" + filters
                + "\nORDER BY e.position DESC LIMIT :limit) page WHERE m.organization_id = :org";
        return "SELECT * FROM ((" + own + ")\nUNION ALL\n(" + members + ")) page\nORDER BY position DESC LIMIT :limit";
    }

    private static long cursorPosition(PageRequest page) {
        try {
            return page.after() == null ? Long.MAX_VALUE : Long.parseLong(page.after());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("cursor", "is not a cursor this service handed out");
        }
    }
}
