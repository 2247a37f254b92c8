package dev.warden.query.audit.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.query.audit.ActivityView;
import dev.warden.query.audit.AuditEventView;
import dev.warden.query.audit.AuditQuery;
import dev.warden.query.audit.AuditTrail;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    @Requires("audit:read")
    @GetMapping("/api/orgs/{orgId}/audit")
    Page<AuditEventView> audit(@PathVariable String orgId, AuditFilters filters, PageParameters list) {
        AuditQuery query = filters.query();
        return guard.organizationPage(orgId, list, page -> trail.events(orgId, query, page));
    }

    /** The activity feed, filtered like the audit trail. */
    @Requires("audit:read")
    @GetMapping("/api/orgs/{orgId}/activity")
    Page<ActivityView> activity(@PathVariable String orgId, AuditFilters filters, PageParameters list) {
        AuditQuery query = filters.query();
        return guard.organizationPage(orgId, list, page -> trail.activity(orgId, query, page));
    }
}
