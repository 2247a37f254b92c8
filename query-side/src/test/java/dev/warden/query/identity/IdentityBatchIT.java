package dev.warden.query.identity;

import static dev.warden.query.support.ReadModelDatabase.batch;
import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.identity.AccountLinkedEvent;
import dev.warden.events.identity.AccountUnlinkedEvent;
import dev.warden.events.identity.AllSessionsRevokedEvent;
import dev.warden.events.identity.ApiKeyIssuedEvent;
import dev.warden.events.identity.ApiKeyRevokedEvent;
import dev.warden.events.identity.InvitationAcceptedEvent;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.MemberInvitedEvent;
import dev.warden.events.identity.MemberRemovedEvent;
import dev.warden.events.identity.MemberSuspendedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.SessionRevokedEvent;
import dev.warden.events.identity.SessionStartedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.identity.UserRenamedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.Logged;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The identity directory's projections in a processor's batch (one unit of work): their writes are
 * queued and sent together at its commit, so a write cannot see what an earlier one in the batch
 * did. Handling an event twice must change nothing, and rows that a constraint ties together must
 * be written in log order.
 */
class IdentityBatchIT {

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final IdentityProjection identity = ReadModelDatabase.bean(IdentityProjection.class);
    private final SessionProjection sessions = ReadModelDatabase.bean(SessionProjection.class);
    private final ApiKeyProjection keys = ReadModelDatabase.bean(ApiKeyProjection.class);
    private final InvitationProjection invitations = ReadModelDatabase.bean(InvitationProjection.class);
    private final IdentityQueries queries = ReadModelDatabase.bean(IdentityQueries.class);
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String userId = IdKind.USER.next();
    private final String orgId = IdKind.ORGANIZATION.next();

    @Test
    void everyEventHandledTwiceInABatchAndReplayedLaterLandsOnce() {
        String memberId = IdKind.MEMBER.next();
        String sessionId = IdKind.SESSION.next();
        String keyId = IdKind.API_KEY.next();
        String invitationId = IdKind.INVITATION.next();
        String invitee = IdKind.USER.next();
        List<Consumer<Instant>> log = new ArrayList<>();
        log(log, l -> identity.on(new UserRegisteredEvent(userId, "twice@example.com", "Twice"), l));
        log(log, l -> identity.on(new UserRenamedEvent(userId, "Once"), l));
        log(log, l -> identity.on(new OrganizationCreatedEvent(orgId, "Twice Ltd"), l, userId));
        log(log, l -> identity.on(new MemberAddedEvent(orgId, memberId, userId), l));
        log(log, l -> identity.on(new MemberSuspendedEvent(orgId, userId), l));
        log(log, l -> identity.on(new AccountLinkedEvent(userId, IdKind.ACCOUNT.next(), "github", userId), l));
        log(log, l -> sessions.on(new SessionStartedEvent(sessionId, userId, "hash-" + sessionId,
                at.plusSeconds(3600), "10.0.0.1", "curl", false), l));
        log(log, l -> sessions.on(new SessionRevokedEvent(sessionId, userId), l));
        log(log, l -> keys.on(new ApiKeyIssuedEvent(keyId, orgId, "ci", "wdn_twice", "hash-" + keyId,
                Set.of("audit:read"), null, userId), l));
        log(log, l -> keys.on(new ApiKeyRevokedEvent(keyId, orgId), l));
        log(log, l -> invitations.on(new MemberInvitedEvent(invitationId, orgId, invitee, null,
                at.plusSeconds(600)), l, userId));
        log(log, l -> invitations.on(new InvitationAcceptedEvent(invitationId, orgId, invitee), l));

        batch(() -> log.forEach(event -> {
            event.accept(at);
            event.accept(at);
        }));
        Map<String, List<String>> once = rows();

        assertThat(queries.user(userId).orElseThrow().displayName()).isEqualTo("Once");
        assertThat(queries.member(orgId, userId).orElseThrow().memberId()).isEqualTo(memberId);
        assertThat(queries.accounts(userId, PageRequest.of(null, null)).items()).hasSize(1);
        assertThat(value("SELECT revoked_at IS NOT NULL FROM sessions WHERE id = ?", sessionId)).isEqualTo(true);
        assertThat(value("SELECT revoked_at IS NOT NULL FROM api_keys WHERE id = ?", keyId)).isEqualTo(true);
        assertThat(value("SELECT status FROM invitations WHERE id = ?", invitationId)).isEqualTo("accepted");
        assertThat(value("SELECT suspended FROM members WHERE id = ?", memberId)).isEqualTo(true);
        assertThat(once.values()).allSatisfy(table -> assertThat(table).hasSize(1));

        batch(() -> log.forEach(event -> event.accept(at.plusSeconds(60))));
        assertThat(rows()).as("the same events again, as a processor would after losing its token").isEqualTo(once);
    }

    @Test
    void aMemberOfAnOrganizationCreatedInTheSameBatchLandsAfterIt() {
        String existing = IdKind.ORGANIZATION.next();
        identity.on(new OrganizationCreatedEvent(existing, "Existing"), next(at), userId);

        batch(() -> {
            identity.on(new MemberAddedEvent(existing, IdKind.MEMBER.next(), IdKind.USER.next()), next(at));
            identity.on(new OrganizationCreatedEvent(orgId, "New"), next(at), userId);
            identity.on(new MemberAddedEvent(orgId, IdKind.MEMBER.next(), userId), next(at));
        });

        assertThat(queries.member(orgId, userId)).isPresent();
    }

    @Test
    void aMemberWhoLeavesAndRejoinsInOneBatchIsAMemberAgain() {
        String left = IdKind.MEMBER.next();
        identity.on(new OrganizationCreatedEvent(orgId, "Revolving"), next(at), userId);
        identity.on(new MemberAddedEvent(orgId, left, userId), next(at));
        String rejoined = IdKind.MEMBER.next();

        batch(() -> {
            identity.on(new MemberAddedEvent(orgId, IdKind.MEMBER.next(), IdKind.USER.next()), next(at));
            identity.on(new MemberRemovedEvent(orgId, left, userId), next(at));
            identity.on(new MemberAddedEvent(orgId, rejoined, userId), next(at));
        });

        assertThat(queries.member(orgId, userId).orElseThrow().memberId()).isEqualTo(rejoined);
    }

    @Test
    void anAccountUnlinkedAndLinkedToAnotherUserInOneBatchMovesThere() {
        String first = IdKind.ACCOUNT.next();
        String providerAccount = "gh-" + userId;
        identity.on(new AccountLinkedEvent(userId, first, "github", providerAccount), next(at));
        String other = IdKind.USER.next();
        String second = IdKind.ACCOUNT.next();

        batch(() -> {
            identity.on(new AccountLinkedEvent(IdKind.USER.next(), IdKind.ACCOUNT.next(), "github", "gh-" + second),
                    next(at));
            identity.on(new AccountUnlinkedEvent(userId, first, "github", providerAccount), next(at));
            identity.on(new AccountLinkedEvent(other, second, "github", providerAccount), next(at));
        });

        assertThat(queries.accounts(userId, PageRequest.of(null, null)).items()).isEmpty();
        assertThat(queries.accounts(other, PageRequest.of(null, null)).items()).extracting(AccountView::id)
                .containsExactly(second);
    }

    @Test
    void aRevokeAllEndsTheSessionsStartedBeforeItInTheSameBatch() {
        String started = IdKind.SESSION.next();

        batch(() -> {
            sessions.on(new AllSessionsRevokedEvent(IdKind.USER.next()), next(at));
            sessions.on(new SessionStartedEvent(started, userId, "hash-" + started, at.plusSeconds(3600), null, null,
                    false), next(at));
            sessions.on(new AllSessionsRevokedEvent(userId), next(at.plusSeconds(1)));
        });

        assertThat(jdbc.sql("SELECT revoked_at IS NOT NULL FROM sessions WHERE id = ?").param(started)
                .query(Boolean.class).single()).isTrue();
    }

    private Object value(String sql, String id) {
        return jdbc.sql(sql).param(id).query().singleValue();
    }

    /** Adds an event at the next position to {@code log}, to be handled at a time given later. */
    private static void log(List<Consumer<Instant>> log, Consumer<Logged> handler) {
        long position = ReadModelDatabase.nextPosition();
        log.add(time -> handler.accept(new Logged(position, time)));
    }

    /** Every identity row of this test's user and organization as JSON, by table. */
    private Map<String, List<String>> rows() {
        Map<String, String> filters = Map.of("users", "id", "organizations", "id", "members", "organization_id",
                "accounts", "user_id", "sessions", "user_id", "api_keys", "organization_id",
                "invitations", "organization_id");
        Map<String, List<String>> rows = new TreeMap<>();
        filters.forEach((table, column) -> rows.put(table, jdbc.sql("SELECT to_jsonb(t)::text FROM " + table
                        + " t WHERE " + column + " IN (?, ?) ORDER BY id")
                .params(userId, orgId).query(String.class).list()));
        return rows;
    }
}
