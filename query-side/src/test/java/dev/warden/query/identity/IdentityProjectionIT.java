package dev.warden.query.identity;

import static dev.warden.query.support.ReadModelDatabase.next;
import static dev.warden.query.support.ReadModelDatabase.nextPosition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.identity.AccountLinkedEvent;
import dev.warden.events.identity.AccountUnlinkedEvent;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.MemberRemovedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.OrganizationRenamedEvent;
import dev.warden.events.identity.PasswordChangedEvent;
import dev.warden.events.identity.PasswordRemovedEvent;
import dev.warden.events.identity.TotpEnabledEvent;
import dev.warden.events.identity.UserDeactivatedEvent;
import dev.warden.events.identity.UserEmailChangedEvent;
import dev.warden.events.identity.UserReactivatedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.identity.UserRenamedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.access.RoleProjection;
import dev.warden.query.access.UserRoleProjection;
import dev.warden.query.support.Logged;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The identity directory's projection against the real schema: every event, and each one handled twice. */
class IdentityProjectionIT {

    private static final PageRequest FIRST = PageRequest.of(null, null);

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final IdentityProjection projection = ReadModelDatabase.bean(IdentityProjection.class);
    private final IdentityQueries queries = ReadModelDatabase.bean(IdentityQueries.class);
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void aUserChangesAndAReplayedOlderEventChangesNothing() {
        String userId = IdKind.USER.next();
        projection.on(new UserRegisteredEvent(userId, "pat@example.com", "Pat"), next(at));
        projection.on(new PasswordChangedEvent(userId), next(at));
        long renamed = nextPosition();
        projection.on(new UserRenamedEvent(userId, "Patricia"), new Logged(renamed, at));
        projection.on(new UserEmailChangedEvent(userId, "patricia@example.com"), next(at));
        projection.on(new TotpEnabledEvent(userId), next(at));
        projection.on(new UserDeactivatedEvent(userId), next(at));

        assertThat(queries.user(userId)).contains(
                new UserView(userId, "patricia@example.com", "Patricia", "deactivated", true, true, false, at, false));

        projection.on(new UserRenamedEvent(userId, "Stale"), new Logged(renamed, at));
        projection.on(new UserReactivatedEvent(userId), next(at));
        projection.on(new PasswordRemovedEvent(userId), next(at));
        UserView user = queries.user(userId).orElseThrow();
        assertThat(user.displayName()).isEqualTo("Patricia");
        assertThat(user.status()).isEqualTo("active");
        assertThat(user.hasPassword()).isFalse();
    }

    @Test
    void accountsAreLinkedAndUnlinked() {
        String userId = IdKind.USER.next();
        String github = IdKind.ACCOUNT.next();
        String google = IdKind.ACCOUNT.next();
        AccountLinkedEvent linked = new AccountLinkedEvent(userId, github, "github", userId + "-gh");
        long linkedAt = nextPosition();
        projection.on(linked, new Logged(linkedAt, at));
        projection.on(new AccountLinkedEvent(userId, google, "google", userId + "-g"), next(at));
        projection.on(linked, new Logged(linkedAt, at));
        assertThat(queries.accounts(userId, FIRST).items()).extracting(AccountView::id).containsExactly(github, google);

        projection.on(new AccountUnlinkedEvent(userId, github, "github", userId + "-gh"), next(at));
        assertThat(queries.accounts(userId, FIRST).items())
                .containsExactly(new AccountView(google, "google", userId + "-g", at));
    }

    @Test
    void accountsAndMembershipsComeInPagesByTheirOrder() {
        String userId = IdKind.USER.next();
        projection.on(new UserRegisteredEvent(userId, "p@example.com", "P"), next(at));
        for (String name : List.of("Delta Org", "Alpha Org", "Charlie Org")) {
            String orgId = IdKind.ORGANIZATION.next();
            projection.on(new OrganizationCreatedEvent(orgId, name), next(at), userId);
            projection.on(new MemberAddedEvent(orgId, IdKind.MEMBER.next(), userId), next(at));
        }
        for (String account : List.of("c d", "a b", "b")) {
            projection.on(new AccountLinkedEvent(userId, IdKind.ACCOUNT.next(), "github", account), next(at));
        }

        Page<MembershipView> first = queries.memberships(userId, PageRequest.of(2, null));
        Page<MembershipView> second = queries.memberships(userId, PageRequest.of(2, first.nextCursor()));
        assertThat(first.items()).extracting(MembershipView::name).containsExactly("Alpha Org", "Charlie Org");
        assertThat(second.items()).extracting(MembershipView::name).containsExactly("Delta Org");
        assertThat(second.nextCursor()).isNull();

        Page<AccountView> accounts = queries.accounts(userId, PageRequest.of(1, null));
        Page<AccountView> rest = queries.accounts(userId, PageRequest.of(2, accounts.nextCursor()));
        assertThat(accounts.items()).extracting(AccountView::providerAccountId).containsExactly("a b");
        assertThat(rest.items()).extracting(AccountView::providerAccountId).containsExactly("b", "c d");
        assertThat(rest.nextCursor()).isNull();
    }

    @Test
    void aRemovedMemberLeavesWithTheirRolesAndMembershipsShowRoles() {
        UserRoleProjection userRoles = ReadModelDatabase.bean(UserRoleProjection.class);
        String userId = IdKind.USER.next();
        String orgId = IdKind.ORGANIZATION.next();
        String otherOrg = IdKind.ORGANIZATION.next();
        String roleId = IdKind.ROLE.next();
        RoleProjection roles = ReadModelDatabase.bean(RoleProjection.class);
        roles.on(new RoleCreatedEvent(roleId, null, "R " + roleId, "", true, List.of()), 0, next(at));
        projection.on(new UserRegisteredEvent(userId, "m@example.com", "M"), next(at));
        projection.on(new OrganizationCreatedEvent(orgId, "Beta"), next(at), userId);
        projection.on(new OrganizationCreatedEvent(otherOrg, "Alpha"), next(at), userId);
        projection.on(new OrganizationRenamedEvent(orgId, "Gamma"), next(at));
        String memberId = IdKind.MEMBER.next();
        projection.on(new MemberAddedEvent(orgId, memberId, userId), next(at));
        projection.on(new MemberAddedEvent(otherOrg, IdKind.MEMBER.next(), userId), next(at));
        userRoles.on(new RoleAssignedEvent(orgId, userId, roleId), next(at), "usr_admin");

        assertThat(queries.memberships(userId, FIRST).items()).extracting(MembershipView::name, MembershipView::roleIds)
                .containsExactly(tuple("Alpha", List.of()),
                        tuple("Gamma", List.of(roleId)));

        MemberRemovedEvent removed = new MemberRemovedEvent(orgId, memberId, userId);
        Logged removedAt = next(at);
        projection.on(removed, removedAt);
        userRoles.on(removed, removedAt);
        assertThat(queries.member(orgId, userId)).isEmpty();
        assertThat(queries.member(otherOrg, userId)).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM user_roles WHERE user_id = ?").param(userId).query(Long.class)
                .single()).isZero();
        assertThat(queries.memberships(userId, FIRST).items()).extracting(MembershipView::organizationId)
                .containsExactly(otherOrg);
    }
}
