package dev.warden.query.identity.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.query.access.AccessQueries;
import dev.warden.query.identity.IdentityQueries;
import dev.warden.query.identity.InvitationQueries;
import dev.warden.query.identity.InvitationView;
import dev.warden.query.identity.MemberView;
import dev.warden.query.identity.OrganizationView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Queries of the identity context. Every one accepts {@code minPosition} for read-your-writes. */
@RestController
class IdentityQueryController {

    private final IdentityQueries identity;
    private final AccessQueries access;
    private final InvitationQueries invitations;
    private final ReadGuard guard;

    IdentityQueryController(IdentityQueries identity, AccessQueries access, InvitationQueries invitations,
                            ReadGuard guard) {
        this.invitations = invitations;
        this.identity = identity;
        this.access = access;
        this.guard = guard;
    }

    @Requires("organizations:read")
    @GetMapping("/api/orgs/{orgId}")
    OrganizationView organization(@PathVariable String orgId, @RequestParam(required = false) Long minPosition) {
        guard.awaitPosition(minPosition);
        return identity.organization(orgId)
                .orElseThrow(() -> IdKind.ORGANIZATION.notFound(orgId));
    }

    @Requires("members:read")
    @GetMapping("/api/orgs/{orgId}/members")
    Page<MemberView> members(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> withRoles(orgId, identity.members(orgId, page)));
    }

    @Requires("members:read")
    @GetMapping("/api/orgs/{orgId}/members/{userId}")
    MemberView member(@PathVariable String orgId, @PathVariable String userId,
                      @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return identity.member(orgId, userId)
                .map(m -> withRoles(orgId, List.of(m)).get(0))
                .orElseThrow(() -> IdKind.MEMBER.notFound(userId));
    }

    @Requires("members:read")
    @GetMapping("/api/orgs/{orgId}/invitations")
    Page<InvitationView> invitations(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> invitations.ofOrganization(orgId, page));
    }

    private Page<MemberView> withRoles(String orgId, Page<MemberView> page) {
        return new Page<>(withRoles(orgId, page.items()), page.nextCursor());
    }

    private List<MemberView> withRoles(String orgId, List<MemberView> members) {
        Map<String, List<String>> roles = access.rolesOf(orgId, members.stream().map(MemberView::userId).toList());
        return members.stream()
                .map(m -> new MemberView(m.userId(), m.memberId(), m.email(), m.displayName(), m.joinedAt(),
                        m.suspended(), List.copyOf(roles.getOrDefault(m.userId(), List.of())), m.erased()))
                .toList();
    }
}
