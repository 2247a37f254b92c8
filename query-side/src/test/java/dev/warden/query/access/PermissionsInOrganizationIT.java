package dev.warden.query.access;

import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.access.PermissionGrantedEvent;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.SessionRevokedEvent;
import dev.warden.events.identity.SessionStartedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.identity.IdentityProjection;
import dev.warden.query.identity.PrincipalLookup;
import dev.warden.query.identity.PrincipalLookup.SessionInOrganization;
import dev.warden.query.identity.SessionPrincipal;
import dev.warden.query.identity.SessionProjection;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a member may do in an organization, and that roles of other organizations stay out of sight. */
class PermissionsInOrganizationIT {

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final IdentityProjection identity = ReadModelDatabase.bean(IdentityProjection.class);
    private final RoleProjection roles = ReadModelDatabase.bean(RoleProjection.class);
    private final UserRoleProjection userRoles = ReadModelDatabase.bean(UserRoleProjection.class);
    private final PrincipalLookup lookup = new PrincipalLookup(ReadModelDatabase.jdbc(), new AccessHeldPermissions());
    private final SessionProjection sessions = ReadModelDatabase.bean(SessionProjection.class);
    private final AccessQueries access = ReadModelDatabase.bean(AccessQueries.class);
    private final Instant at = Instant.now();
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String otherOrg = IdKind.ORGANIZATION.next();
    private final String userId = IdKind.USER.next();

    @Test
    void aMemberHoldsTheUnionOfTheirRolesPermissions() {
        String system = role(null, List.of("roles:read", "audit:read"));
        String custom = role(orgId, List.of("audit:read"));
        roles.on(new PermissionGrantedEvent(custom, orgId, "projects:write"), 1, next(at));
        member(orgId);
        assign(orgId, system);
        assign(orgId, custom);

        assertThat(lookup.permissionsInOrganization(orgId, userId))
                .contains(Set.of("roles:read", "audit:read", "projects:write"));
    }

    @Test
    void aSessionOnAnOrganizationsEndpointBringsItsUsersPermissionsThereInOneRead() {
        identity.on(new UserRegisteredEvent(userId, "p@example.com", "P"), next(at));
        String hash = UUID.randomUUID().toString();
        String sessionId = IdKind.SESSION.next();
        sessions.on(new SessionStartedEvent(sessionId, userId, hash, at.plusSeconds(3600), "10.0.0.1", "curl", false),
                next(at));
        member(orgId);
        assign(orgId, role(orgId, List.of("audit:read", "roles:read")));
        SessionPrincipal session = new SessionPrincipal(sessionId, userId, false);

        assertThat(lookup.sessionIn(hash, orgId))
                .contains(new SessionInOrganization(session, Optional.of(Set.of("audit:read", "roles:read"))));
        assertThat(lookup.sessionIn(hash, otherOrg)).contains(new SessionInOrganization(session, Optional.empty()));
        assertThat(lookup.sessionIn(UUID.randomUUID().toString(), orgId)).isEmpty();

        sessions.on(new SessionRevokedEvent(sessionId, userId), next(at));
        assertThat(lookup.sessionIn(hash, orgId)).isEmpty();
    }

    @Test
    void aMemberWithoutRolesHasNoPermissionsAndANonMemberIsNoneOfTheirs() {
        member(orgId);
        assertThat(lookup.permissionsInOrganization(orgId, userId)).contains(Set.of());
        assertThat(lookup.permissionsInOrganization(otherOrg, userId)).isEmpty();
    }

    @Test
    void anotherOrganizationsCustomRoleIsNotFoundNorCounted() {
        String theirs = role(otherOrg, List.of("credentials:reveal"));
        String system = role(null, List.of("roles:read"));
        member(orgId);
        assign(orgId, theirs);

        assertThat(lookup.permissionsInOrganization(orgId, userId)).contains(Set.of());
        assertThat(access.role(orgId, theirs)).isEmpty();
        assertThat(access.role(otherOrg, theirs)).isPresent();
        assertThat(access.role(orgId, system)).isPresent();
        assertThat(access.roles(orgId, PageRequest.of(PageRequest.MAX_LIMIT, null)).items())
                .extracting(RoleView::id).doesNotContain(theirs);
    }

    private String role(String organizationId, List<String> permissions) {
        String roleId = IdKind.ROLE.next();
        roles.on(new RoleCreatedEvent(roleId, organizationId, "Role " + roleId, "", organizationId == null,
                permissions), 0, next(at));
        return roleId;
    }

    private void member(String organizationId) {
        identity.on(new OrganizationCreatedEvent(organizationId, "Org"), next(at), userId);
        identity.on(new MemberAddedEvent(organizationId, IdKind.MEMBER.next(), userId), next(at));
    }

    private void assign(String organizationId, String roleId) {
        userRoles.on(new RoleAssignedEvent(organizationId, userId, roleId), next(at), "usr_admin");
    }
}
