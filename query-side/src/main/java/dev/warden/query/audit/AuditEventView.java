package dev.warden.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** One entry of the audit trail: an event of the log with who caused it, from where and why. */
public record AuditEventView(long position, String eventId, Instant occurredAt, String eventType,
                             String entityType, String entityId, long entityVersion, String actorId,
                             String actorType, String requestId, String correlationId, String causationId,
                             String clientAddress, @JsonRawValue String payload) {
}
