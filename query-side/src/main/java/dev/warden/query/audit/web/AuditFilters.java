package dev.warden.query.audit.web;

import dev.warden.query.audit.AuditQuery;
import dev.warden.query.support.QueryParameters;

/** The filter parameters the audit trail and the activity feed take, as sent; {@link #query()} checks them. */
@QueryParameters
record AuditFilters(String actor, String eventType, String entity, String from, String to) {

    AuditQuery query() {
        return AuditQuery.of(actor, eventType, entity, from, to);
    }
}
