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

    /** The filters of {@link AuditQuery}, newest first, one page; both views have these columns. */
    private static final String FILTERS = """

              AND (CAST(:actor AS text) IS NULL OR actor_id = :actor)
              AND (CAST(:type AS text) IS NULL OR event_type = :type)
              AND (CAST(:entity AS text) IS NULL OR entity_id = :entity)
              AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
            ORDER BY position DESC
            LIMIT :limit""";

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<AuditEventView> events(String organizationId, AuditQuery query, PageRequest page) {
        long before = cursorPosition(page);
        List<AuditEventView> rows = filtered(jdbc.sql("""
                        SELECT position, event_id, occurred_at, event_type, entity_type, entity_id, entity_version,
                               actor_id, actor_type, request_id, correlation_id, causation_id, client_address,
                               payload::text AS payload
                        FROM audit_events
                        WHERE organization_id = :org AND position < :before""" + FILTERS), organizationId, before,
                query, page)
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
        List<ActivityView> rows = filtered(jdbc.sql("""
                        SELECT position, occurred_at, actor_id, actor_type, event_type, entity_type, entity_id, subject
                        FROM activity_stream
                        WHERE organization_id = :org AND position < :before""" + FILTERS), organizationId, before,
                query, page)
                .query((rs, n) -> new ActivityView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        return page.page(rows, a -> Long.toString(a.position()));
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
