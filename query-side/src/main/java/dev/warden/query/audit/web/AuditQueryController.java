package dev.warden.query.audit.web;

import dev.warden.query.audit.ActivityView;
import dev.warden.query.audit.AuditEventView;
import dev.warden.query.audit.AuditQuery;
import dev.warden.query.audit.AuditTrail;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadGuard;
import dev.warden.query.support.TextParameters;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organization's audit trail and activity feed, straight from the log, newest first, cursor-paged. */
@RestController
class AuditQueryController {

    private final AuditTrail trail;
    private final ReadGuard guard;

    AuditQueryController(AuditTrail trail, ReadGuard guard) {
        this.trail = trail;
        this.guard = guard;
    }

    @GetMapping("/api/orgs/{orgId}/audit")
    Page<AuditEventView> audit(@PathVariable String orgId,
                               @RequestParam(required = false) String actor,
                               @RequestParam(required = false) String eventType,
                               @RequestParam(required = false) String entity,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) Long minPosition) {
        AuditQuery query = new AuditQuery(TextParameters.filter("actor", actor),
                TextParameters.filter("eventType", eventType), TextParameters.filter("entity", entity),
                instant("from", from), instant("to", to));
        PageRequest request = PageRequest.of(limit, cursor);
        guard.organization(orgId, minPosition);
        return trail.events(orgId, query, request);
    }

    @GetMapping("/api/orgs/{orgId}/activity")
    Page<ActivityView> activity(@PathVariable String orgId,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) Long minPosition) {
        PageRequest request = PageRequest.of(limit, cursor);
        guard.organization(orgId, minPosition);
        return trail.activity(orgId, request);
    }

    private static Instant instant(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(parameter, "is not an ISO-8601 instant such as 2026-11-21T10:15:30Z");
        }
    }
}
