package dev.warden.query.audit;

import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit trail and the activity feed: views over the log, newest first. An organization
 * sees the events done in it, and the account-wide events (done in no organization, by the user or
 * an operator) of its current members since they joined, so every organization a user belongs to
 * sees what happens to its member.
 */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<AuditEventView> events(String organizationId, AuditQuery query, PageRequest page) {
        long before = cursorPosition(page);
        List<AuditEventView> rows = filtered(jdbc.sql(ofOrganization("""
                        SELECT e.position, e.event_id, e.occurred_at, e.event_type, e.entity_type, e.entity_id,
                               e.entity_version, e.actor_id, e.actor_type, e.request_id, e.correlation_id,
                               e.causation_id, e.client_address, e.payload::text AS payload
                        FROM audit_events e""", query)), organizationId, before, query, page)
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
    public Page<ActivityView> activity(String organizationId, AuditQuery query, PageRequest page) {
        long before = cursorPosition(page);
        List<ActivityView> rows = filtered(jdbc.sql(ofOrganization("""
                        SELECT e.position, e.occurred_at, e.actor_id, e.actor_type, e.event_type, e.entity_type,
                               e.entity_id, e.subject
                        FROM activity_stream e""", query)), organizationId, before, query, page)
                .query((rs, n) -> new ActivityView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        return page.page(rows, a -> Long.toString(a.position()));
    }

    /** One page of {@code select} (rows {@code e} of a view of the log) for the organization {@code :org}. */
    private static String ofOrganization(String select, AuditQuery query) {
        String filtered = filters(query);
        String own = select + "\nWHERE e.organization_id = :org AND e.position < :before" + filtered;
        // Per member, their own few events through the (aggregate, sequence) index, never a log scan;
        // but one probe per member, so this part of a page grows with the organization's members.
        String members = "SELECT page.* FROM members m CROSS JOIN LATERAL (" + select
                + "\nWHERE e.entity_id = m.user_id AND e.entity_type = 'User' AND e.organization_id IS NULL"
                + " AND e.occurred_at >= m.created_at AND e.position < :before" + filtered
                + ") page WHERE m.organization_id = :org";
        return "SELECT * FROM ((" + own + ")\nUNION ALL\n(" + members + ")) page\nORDER BY position DESC LIMIT :limit";
    }

    /**
     * The filters of {@link AuditQuery} asked for, on a row {@code e} (both views have these
     * columns), newest first. A filter not asked for is left out of the statement rather than written
     * as {@code :value IS NULL OR ...}: in PostgreSQL's generic plan of the statement such conditions
     * are guessed to keep few rows, and the organization's events are then all read and sorted.
     */
    private static String filters(AuditQuery query) {
        return (query.actorId() == null ? "" : "\n  AND e.actor_id = :actor")
                + (query.eventType() == null ? "" : "\n  AND e.event_type = :type")
                + (query.entityId() == null ? "" : "\n  AND e.entity_id = :entity")
                + (query.from() == null ? "" : "\n  AND e.occurred_at >= :from")
                + (query.to() == null ? "" : "\n  AND e.occurred_at < :to")
                + "\nORDER BY e.position DESC\nLIMIT :limit";
    }

    /** Binds the organization, the cursor's position, the filters and the limit of a page. */
    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, String organizationId,
                                                     long before, AuditQuery query, PageRequest page) {
        return statement.param("org", organizationId)
                .param("before", before)
                .param("actor", query.actorId())
                .param("type", query.eventType())
                .param("entity", query.entityId())
                .param("from", query.from() == null ? null : Timestamp.from(query.from()))
                .param("to", query.to() == null ? null : Timestamp.from(query.to()))
                .param("limit", page.fetchSize());
    }

    private static long cursorPosition(PageRequest page) {
        try {
            return page.after() == null ? Long.MAX_VALUE : Long.parseLong(page.after());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("cursor", "is not a cursor this service handed out");
        }
    }
}
