package dev.warden.app.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.WardenTest;
import dev.warden.events.infrastructure.TicketAssignedEvent;
import dev.warden.events.infrastructure.TicketCommentedEvent;
import dev.warden.events.infrastructure.TicketOpenedEvent;
import dev.warden.events.infrastructure.TicketStatusChangedEvent;
import dev.warden.events.infrastructure.TicketUnassignedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.infrastructure.TicketCommentView;
import dev.warden.query.infrastructure.TicketProjection;
import dev.warden.query.infrastructure.TicketQueries;
import dev.warden.query.infrastructure.TicketView;
import dev.warden.query.support.Logged;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ticket projection called directly with events, read back through {@link TicketQueries}. Each
 * test runs in a transaction that is rolled back; positions are far beyond the log's head.
 */
@WardenTest
class TicketProjectionIT {

    @Autowired
    TicketProjection tickets;

    @Autowired
    TicketQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private ProjectionTestRun run;

    @BeforeEach
    void newRun() {
        run = new ProjectionTestRun(transactions);
    }

    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String ticketId = IdKind.TICKET.next();
    private final String projectId = IdKind.PROJECT.next();
    private final String workspaceId = IdKind.WORKSPACE.next();

    @Test
    void anOpenedTicketLandsWithItsReporter() {
        rolledBack(() -> {
            tickets.on(opened(ticketId, projectId), logged(1, at), "usr_reporter");

            TicketView ticket = queries.ticket(orgId, ticketId).orElseThrow();
            assertThat(ticket).isEqualTo(new TicketView(ticketId, orgId, projectId, workspaceId, "Disk full",
                    "The state bucket is full", "open", "high", "usr_reporter", null, 0, null, null, at, at));
            assertThat(queries.ticket(IdKind.ORGANIZATION.next(), ticketId)).as("other organizations").isEmpty();
        });
    }

    @Test
    void everyTicketEventAppliedTwiceChangesNothing() {
        rolledBack(() -> {
            List<Consumer<Logged>> events = List.of(
                    l -> tickets.on(opened(ticketId, projectId), l, "usr_reporter"),
                    l -> tickets.on(new TicketAssignedEvent(ticketId, orgId, "usr_alice"), l),
                    l -> tickets.on(new TicketCommentedEvent(ticketId, orgId, 1, "Looking"), l, "usr_alice"),
                    l -> tickets.on(moved("open", "in_progress"), l),
                    l -> tickets.on(moved("in_progress", "resolved"), l),
                    l -> tickets.on(moved("resolved", "closed"), l),
                    l -> tickets.on(moved("closed", "open"), l),
                    l -> tickets.on(new TicketUnassignedEvent(ticketId, orgId, "usr_alice"), l));
            for (int i = 0; i < events.size(); i++) {
                events.get(i).accept(logged(i + 1, at.plusSeconds(i)));
                Map<String, Object> row = row();
                long comments = commentRows();
                events.get(i).accept(logged(i + 1, at.plusSeconds(100 + i)));
                assertThat(row()).as("event %d again", i).isEqualTo(row);
                assertThat(commentRows()).isEqualTo(comments);
            }

            TicketView ticket = queries.ticket(orgId, ticketId).orElseThrow();
            assertThat(ticket.status()).isEqualTo("open");
            assertThat(ticket.assigneeId()).isNull();
            assertThat(ticket.commentCount()).isEqualTo(1);
            assertThat(ticket.updatedAt()).isEqualTo(at.plusSeconds(7));
            assertThat(jdbc.sql("SELECT last_event_position FROM tickets WHERE id = ?").param(ticketId)
                    .query(Long.class).single()).isEqualTo(run.position(8));
        });
    }

    @Test
    void resolvingAndClosingAreStampedAndReopeningClearsTheStamps() {
        rolledBack(() -> {
            tickets.on(opened(ticketId, null), logged(1, at), "usr_reporter");
            tickets.on(moved("open", "in_progress"), logged(2, at.plusSeconds(1)));
            tickets.on(moved("in_progress", "resolved"), logged(3, at.plusSeconds(2)));
            assertThat(queries.ticket(orgId, ticketId).orElseThrow().resolvedAt()).isEqualTo(at.plusSeconds(2));

            tickets.on(moved("resolved", "closed"), logged(4, at.plusSeconds(3)));
            TicketView closed = queries.ticket(orgId, ticketId).orElseThrow();
            assertThat(closed.status()).isEqualTo("closed");
            assertThat(closed.resolvedAt()).isEqualTo(at.plusSeconds(2));
            assertThat(closed.closedAt()).isEqualTo(at.plusSeconds(3));

            tickets.on(moved("closed", "open"), logged(5, at.plusSeconds(4)));
            TicketView reopened = queries.ticket(orgId, ticketId).orElseThrow();
            assertThat(reopened.status()).isEqualTo("open");
            assertThat(reopened.resolvedAt()).isNull();
            assertThat(reopened.closedAt()).isNull();

            tickets.on(moved("open", "blocked"), logged(6, at.plusSeconds(5)));
            assertThat(queries.ticket(orgId, ticketId).orElseThrow().status()).isEqualTo("blocked");
        });
    }

    @Test
    void olderEventsDoNotOverwriteNewerOnes() {
        rolledBack(() -> {
            tickets.on(opened(ticketId, null), logged(1, at), "usr_reporter");
            tickets.on(new TicketAssignedEvent(ticketId, orgId, "usr_newest"), logged(10, at.plusSeconds(10)));

            tickets.on(new TicketAssignedEvent(ticketId, orgId, "usr_older"), logged(5, at.plusSeconds(5)));
            tickets.on(moved("open", "in_progress"), logged(6, at.plusSeconds(6)));

            TicketView ticket = queries.ticket(orgId, ticketId).orElseThrow();
            assertThat(ticket.assigneeId()).isEqualTo("usr_newest");
            assertThat(ticket.status()).isEqualTo("open");
            assertThat(ticket.updatedAt()).isEqualTo(at.plusSeconds(10));
        });
    }

    @Test
    void commentsAreListedInTheirOrderPageByPage() {
        rolledBack(() -> {
            tickets.on(opened(ticketId, null), logged(1, at), "usr_reporter");
            for (int n = 1; n <= 5; n++) {
                tickets.on(new TicketCommentedEvent(ticketId, orgId, n, "Comment " + n), logged(1 + n,
                        at.plusSeconds(n)), n % 2 == 0 ? "usr_bob" : "key_ci");
            }

            List<TicketCommentView> read = new ArrayList<>();
            String cursor = null;
            do {
                Page<TicketCommentView> page = queries.comments(orgId, ticketId, PageRequest.of(2, cursor));
                assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
                read.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);

            assertThat(read).extracting(TicketCommentView::number).containsExactly(1, 2, 3, 4, 5);
            assertThat(read.get(1)).isEqualTo(new TicketCommentView(ticketId, 2, "Comment 2", "usr_bob",
                    at.plusSeconds(2)));
            assertThat(queries.ticket(orgId, ticketId).orElseThrow().commentCount()).isEqualTo(5);
            assertThat(queries.comments(IdKind.ORGANIZATION.next(), ticketId, PageRequest.of(50, null)).items())
                    .as("other organizations").isEmpty();
        });
    }

    @Test
    void listsAreNewestFirstByProjectAndStatus() {
        rolledBack(() -> {
            String other = IdKind.PROJECT.next();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = IdKind.TICKET.next();
                ids.add(id);
                tickets.on(opened(id, i % 2 == 0 ? projectId : other), logged(i * 2 + 1,
                        at.plusSeconds(i)), "usr_reporter");
                if (i % 3 == 0) {
                    tickets.on(new TicketStatusChangedEvent(id, orgId, "open", "in_progress"),
                            logged(i * 2 + 2, at.plusSeconds(i)));
                }
            }
            tickets.on(new TicketOpenedEvent(IdKind.TICKET.next(), IdKind.ORGANIZATION.next(), "Elsewhere", null,
                    "low", projectId, null), logged(100, at.plusSeconds(3)), "usr_reporter");

            assertThat(list(null, null)).containsExactly(ids.get(5), ids.get(4), ids.get(3), ids.get(2), ids.get(1),
                    ids.get(0));
            assertThat(list(projectId, null)).containsExactly(ids.get(4), ids.get(2), ids.get(0));
            assertThat(list(null, "in_progress")).containsExactly(ids.get(3), ids.get(0));
            assertThat(list(projectId, "in_progress")).containsExactly(ids.get(0));
            assertThat(list(other, "open")).containsExactly(ids.get(5), ids.get(1));
        });
    }

    @Test
    void resetEmptiesTheTicketTables() {
        rolledBack(() -> {
            tickets.on(opened(ticketId, null), logged(1, at), "usr_reporter");
            tickets.on(new TicketCommentedEvent(ticketId, orgId, 1, "Gone soon"), logged(2, at), "usr_reporter");

            tickets.reset();

            assertThat(count("tickets")).isZero();
            assertThat(count("ticket_comments")).isZero();
        });
    }

    /** The ids of the organization's tickets as one page lists them, newest first. */
    private List<String> list(String project, String status) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<TicketView> page = queries.tickets(orgId, project, status, PageRequest.of(2, cursor));
            page.items().forEach(t -> ids.add(t.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private TicketOpenedEvent opened(String id, String project) {
        return new TicketOpenedEvent(id, orgId, "Disk full", "The state bucket is full", "high", project,
                project == null ? null : workspaceId);
    }

    private TicketStatusChangedEvent moved(String from, String to) {
        return new TicketStatusChangedEvent(ticketId, orgId, from, to);
    }

    private Logged logged(long offset, Instant when) {
        return run.logged(offset, when);
    }

    private void rolledBack(Runnable work) {
        run.rolledBack(work);
    }

    private Map<String, Object> row() {
        return jdbc.sql("SELECT * FROM tickets WHERE id = ?").param(ticketId).query().singleRow();
    }

    private long commentRows() {
        return jdbc.sql("SELECT count(*) FROM ticket_comments WHERE ticket_id = ?").param(ticketId)
                .query(Long.class).single();
    }

    private long count(String table) {
        return ProjectionTestRun.count(jdbc, table);
    }
}
