package dev.warden.query.access;

import static dev.warden.query.support.ReadModelDatabase.next;
import static dev.warden.query.support.ReadModelDatabase.nextPosition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.access.AccessRequestApprovedEvent;
import dev.warden.events.access.AccessRequestCancelledEvent;
import dev.warden.events.access.AccessRequestDeniedEvent;
import dev.warden.events.access.AccessRequestExpiredEvent;
import dev.warden.events.access.AccessRequestedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Logged;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Access requests: projection of every outcome, the organization's list and the expiry sweep's question. */
class AccessRequestsIT {

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final AccessRequestProjection projection = ReadModelDatabase.bean(AccessRequestProjection.class);
    private final AccessRequestQueries queries = ReadModelDatabase.bean(AccessRequestQueries.class);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();

    @Test
    void everyOutcomeIsRecordedWithItsDecider() {
        String approved = request(orgId, now.plusSeconds(60), now);
        String denied = request(orgId, now.plusSeconds(60), now.plusSeconds(1));
        String cancelled = request(orgId, now.plusSeconds(60), now.plusSeconds(2));
        String expired = request(orgId, now.plusSeconds(60), now.plusSeconds(3));
        String pending = request(orgId, null, now.plusSeconds(4));
        AccessRequestApprovedEvent approval = new AccessRequestApprovedEvent(approved, orgId, "usr_r", "role_x", "ok");
        long approvedAt = nextPosition();
        projection.on(approval, new Logged(approvedAt, now.plusSeconds(10)), "usr_manager");
        projection.on(new AccessRequestDeniedEvent(denied, orgId, "no"), next(now.plusSeconds(10)), "usr_admin");
        projection.on(new AccessRequestCancelledEvent(cancelled, orgId), next(now.plusSeconds(10)), "usr_r");
        projection.on(new AccessRequestExpiredEvent(expired, orgId), next(now.plusSeconds(10)), "system");
        projection.on(approval, new Logged(approvedAt, now.plusSeconds(20)), "usr_other");

        AccessRequestView view = queries.request(orgId, approved).orElseThrow();
        assertThat(view.status()).isEqualTo("approved");
        assertThat(view.decidedBy()).isEqualTo("usr_manager");
        assertThat(view.decisionReason()).isEqualTo("ok");
        assertThat(view.decidedAt()).isEqualTo(now.plusSeconds(10));
        assertThat(queries.request(orgId, denied).orElseThrow().decisionReason()).isEqualTo("no");
        assertThat(queries.request(orgId, pending).orElseThrow().decidedBy()).isNull();
        assertThat(queries.requests(orgId, null, PageRequest.of(null, null)).items())
                .extracting(AccessRequestView::id).containsExactly(pending, expired, cancelled, denied, approved);
        assertThat(queries.requests(orgId, "cancelled", PageRequest.of(null, null)).items())
                .extracting(AccessRequestView::decidedBy).containsExactly("usr_r");
    }

    @Test
    void anotherOrganizationsRequestIsNeverSeen() {
        String elsewhere = request(IdKind.ORGANIZATION.next(), null, now);
        request(orgId, null, now);
        assertThat(queries.request(orgId, elsewhere)).isEmpty();
        assertThat(queries.requests(orgId, null, PageRequest.of(null, null)).items())
                .extracting(AccessRequestView::organizationId).containsOnly(orgId);
    }

    @Test
    void theStatusFilterIsChecked() {
        assertThat(AccessRequestQueries.status(null)).isNull();
        assertThat(AccessRequestQueries.status("expired")).isEqualTo("expired");
        assertThatThrownBy(() -> AccessRequestQueries.status("PENDING")).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> AccessRequestQueries.status("open")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("status");
    }

    private String request(String organizationId, Instant expiresAt, Instant at) {
        String requestId = IdKind.ACCESS_REQUEST.next();
        AccessRequestedEvent event = new AccessRequestedEvent(requestId, organizationId, "usr_r", "role_x", "please",
                expiresAt);
        long position = nextPosition();
        projection.on(event, new Logged(position, at));
        projection.on(event, new Logged(position, at));
        return requestId;
    }
}
