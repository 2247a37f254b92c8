package dev.warden.query.audit;

import java.time.Instant;

/** Filters of the audit trail; {@code null} means no filter. {@code to} is exclusive. */
public record AuditQuery(String actorId, String eventType, String entityId, Instant from, Instant to) {
}
