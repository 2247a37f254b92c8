package dev.warden.query.identity;

import static dev.warden.query.support.ReadModelDatabase.next;
import static dev.warden.query.support.ReadModelDatabase.nextPosition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.identity.AllSessionsRevokedEvent;
import dev.warden.events.identity.SessionRevokedEvent;
import dev.warden.events.identity.SessionStartedEvent;
import dev.warden.events.identity.UserDeactivatedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.access.AccessHeldPermissions;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Logged;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions: projection, the caller's and a member's lists, and what a token hash is worth to the security layer. */
class SessionsIT {

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final IdentityProjection identity = ReadModelDatabase.bean(IdentityProjection.class);
    private final SessionProjection projection = ReadModelDatabase.bean(SessionProjection.class);
    private final SessionQueries queries = ReadModelDatabase.bean(SessionQueries.class);
    private final PrincipalLookup principals = new PrincipalLookup(ReadModelDatabase.jdbc(), new AccessHeldPermissions());
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String userId = IdKind.USER.next();

    @Test
    void aSessionIsValidUntilRevoked() {
        identity.on(new UserRegisteredEvent(userId, "s@example.com", "S"), next(now));
        String hash = hash();
        String sessionId = start(hash, now, now.plus(Duration.ofHours(1)));

        assertThat(principals.session(hash)).contains(new SessionPrincipal(sessionId, userId, false));
        assertThat(principals.session(hash())).isEmpty();

        projection.on(new SessionRevokedEvent(sessionId, userId), next(now.plusSeconds(1)));
        assertThat(principals.session(hash)).isEmpty();
        assertThat(queries.sessions(userId, PageRequest.of(null, null)).items())
                .singleElement()
                .satisfies(s -> assertThat(s.revokedAt()).isEqualTo(now.plusSeconds(1)));
    }

    @Test
    void anExpiredSessionOrADeactivatedUsersSessionIsWorthNothing() {
        identity.on(new UserRegisteredEvent(userId, "s@example.com", "S"), next(now));
        String expired = hash();
        start(expired, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
        String open = hash();
        start(open, now, now.plus(Duration.ofHours(1)));
        assertThat(principals.session(expired)).isEmpty();
        assertThat(principals.session(open)).isPresent();

        identity.on(new UserDeactivatedEvent(userId), next(now));
        assertThat(principals.session(open)).isEmpty();
    }

    @Test
    void revokingAllEndsTheSessionsOpenedBeforeOnly() {
        identity.on(new UserRegisteredEvent(userId, "s@example.com", "S"), next(now));
        String before = hash();
        String after = hash();
        String beforeId = start(before, now, now.plus(Duration.ofHours(1)));
        projection.on(new AllSessionsRevokedEvent(userId), next(now.plusSeconds(5)));
        String afterId = start(after, now.plusSeconds(6), now.plus(Duration.ofHours(1)));

        assertThat(principals.session(before)).isEmpty();
        assertThat(principals.session(after)).contains(new SessionPrincipal(afterId, userId, false));
        assertThat(queries.sessions(userId, PageRequest.of(null, null)).items())
                .extracting(SessionView::id, SessionView::revokedAt)
                .containsExactly(tuple(afterId, null),
                        tuple(beforeId, now.plusSeconds(5)));
    }

    @Test
    void sessionsArePagedNewestFirstAndNeverShowTheHash() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, start(hash(), now.plusSeconds(i % 3), now.plus(Duration.ofHours(1))));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<SessionView> page = queries.sessions(userId, PageRequest.of(2, cursor));
            page.items().forEach(s -> seen.add(s.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(SessionView.class.getRecordComponents()).noneMatch(c -> c.getName().contains("token"));
        assertThat(OwnSessionView.class.getRecordComponents()).noneMatch(c -> c.getName().contains("token"));
    }

    @Test
    void aCursorThatIsNotOursIsRefused() {
        String bogus = java.util.Base64.getUrlEncoder().encodeToString("yesterday ses_x".getBytes());
        assertThatThrownBy(() -> queries.sessions(userId, PageRequest.of(null, bogus)))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void theCurrentSessionIsMarked() {
        SessionView session = new SessionView("ses_a", now, now, null, "10.0.0.1", "curl", true);
        assertThat(OwnSessionView.of(session, "ses_a").current()).isTrue();
        assertThat(OwnSessionView.of(session, null).current()).isFalse();
    }

    private String start(String hash, Instant at, Instant expiresAt) {
        String sessionId = IdKind.SESSION.next();
        SessionStartedEvent event = new SessionStartedEvent(sessionId, userId, hash, expiresAt, "10.0.0.1", "curl",
                false);
        long position = nextPosition();
        projection.on(event, new Logged(position, at));
        projection.on(event, new Logged(position, at));
        return sessionId;
    }

    private static String hash() {
        return UUID.randomUUID().toString();
    }
}
