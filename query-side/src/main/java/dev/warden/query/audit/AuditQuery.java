package dev.warden.query.audit;

import dev.warden.query.support.TextParameters;
import java.time.Instant;

/** Filters of the audit trail and the activity feed; {@code null} means no filter. {@code to} is exclusive. */
public record AuditQuery(String actorId, String eventType, String entityId, Instant from, Instant to) {

    /** The filters the parameters {@code actor}, {@code eventType}, {@code entity}, {@code from}, {@code to} name. */
    public static AuditQuery of(String actor, String eventType, String entity, String from, String to) {
        return new AuditQuery(TextParameters.filter("actor", actor), TextParameters.filter("eventType", eventType),
                TextParameters.filter("entity", entity), TextParameters.instant("from", from),
                TextParameters.instant("to", to));
    }
}
