package dev.warden.query.audit;

import java.time.Instant;

/** One line of the activity feed: who did what to which entity, when. */
public record ActivityView(long position, Instant occurredAt, String actorId, String actorType, String eventType,
                           String entityType, String entityId, String subject) {
}
