package dev.warden.query.access.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.query.access.AccessQueries;
import dev.warden.query.access.AccessRequestQueries;
import dev.warden.query.access.AccessRequestView;
import dev.warden.query.access.PermissionView;
import dev.warden.query.access.RoleView;
import dev.warden.events.shared.DomainException;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Queries of the access context. Every one accepts {@code minPosition} for read-your-writes. */
@RestController
class AccessQueryController {

    private final AccessQueries access;
    private final AccessRequestQueries requests;
    private final ReadGuard guard;

    AccessQueryController(AccessQueries access, AccessRequestQueries requests, ReadGuard guard) {
        this.access = access;
        this.requests = requests;
        this.guard = guard;
    }

    @Requires("roles:read")
    @GetMapping("/api/orgs/{orgId}/roles")
    Page<RoleView> roles(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> access.roles(orgId, page));
    }

    @Requires("roles:read")
    @GetMapping("/api/orgs/{orgId}/roles/{roleId}")
    RoleView role(@PathVariable String orgId, @PathVariable String roleId,
                  @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return access.role(orgId, roleId)
                .orElseThrow(() -> IdKind.ROLE.notFound(roleId));
    }

    @Requires("roles:read")
    @GetMapping("/api/orgs/{orgId}/permissions")
    Page<PermissionView> permissions(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, access::permissions);
    }

    /** The organization's access requests, newest first, optionally of one {@code status}. */
    @Requires("access-requests:read")
    @GetMapping("/api/orgs/{orgId}/access-requests")
    Page<AccessRequestView> accessRequests(@PathVariable String orgId,
                                           @RequestParam(required = false) String status, PageParameters list) {
        String wanted = AccessRequestQueries.status(status);
        return guard.organizationPage(orgId, list, page -> requests.requests(orgId, wanted, page));
    }

    /** One access request; another organization's request looks missing. */
    @Requires("access-requests:read")
    @GetMapping("/api/orgs/{orgId}/access-requests/{requestId}")
    AccessRequestView accessRequest(@PathVariable String orgId, @PathVariable String requestId,
                                    @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return requests.request(orgId, requestId)
                .orElseThrow(() -> IdKind.ACCESS_REQUEST.notFound(requestId));
    }
}
