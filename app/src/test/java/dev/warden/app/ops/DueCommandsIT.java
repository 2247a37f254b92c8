package dev.warden.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.warden.app.WardenApplication;
import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.TestClock;
import dev.warden.app.support.TestDatabaseInitializer;
import dev.warden.app.support.WardenTest;
import dev.warden.command.support.DueCommandPoller;
import dev.warden.command.support.DueCommandStore;
import dev.warden.events.access.AccessRequestExpiredEvent;
import dev.warden.events.access.ExpireAccessRequestCommand;
import dev.warden.events.shared.IdKind;
import dev.warden.testdatabase.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time-driven commands: an access request's expiry is scheduled in the database when the request
 * is opened and sent at its time, as the system, once however many pollers compete, also when the
 * instance that scheduled it has stopped; a request decided before then is left as decided.
 */
@WardenTest
class DueCommandsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DueCommandStore due;

    @Autowired
    DueCommandPoller poller;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CommandGateway gateway;

    @Autowired
    CommandBus commandBus;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry meters;

    Api admin;
    String orgId;
    /** The organization's access requests. */
    String requests;
    Fixtures.SignedIn viewer;
    String roleId;

    @BeforeEach
    void openOrganizationWithAViewerAndARole() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
        requests = "/api/orgs/" + orgId + "/access-requests";
        roleId = Fixtures.role(admin, orgId, "Due " + Fixtures.unique()).id();
        viewer = Fixtures.signedInUser(admin, orgId);
    }

    /**
     * Lets every command due at the moved clock be sent before time moves back: one sent after would
     * find its request not yet due and end without expiring it.
     */
    @AfterEach
    void settleAndResetClock() {
        TestClock.settleDueCommandsAndReset(jdbc, clock);
    }

    @Test
    void aRequestExpiresAtItsTimeAsTheSystemAndNotBefore() {
        String requestId = request(viewer.api());
        Instant expiresAt = dueAt(requestId).orElseThrow(() -> new AssertionError("no expiry scheduled"));
        assertThat(expiresAt).isCloseTo(expiresAtOf(requestId), within(1, ChronoUnit.MILLIS));

        moveClockTo(expiresAt.minusSeconds(60));
        poller.sendDue();
        assertThat(expiredEvents(requestId)).as("not before its time").isZero();
        assertThat(dueAt(requestId)).as("still scheduled").contains(expiresAt);

        moveClockTo(expiresAt.plusSeconds(1));
        poller.sendDue();
        awaitSent(requestId);
        assertThat(expiredEvents(requestId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT meta_data ->> 'actorType' FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = ?").params(requestId, AccessRequestExpiredEvent.class.getName())
                .query(String.class).single()).isEqualTo("system");
        awaitStatus(requestId, "expired");
    }

    @Test
    void aDecidedRequestIsNotExpired() {
        String requestId = request(viewer.api());
        Api.Response denied = admin.post(requests + "/" + requestId + "/deny", Json.object("reason", "no"));
        assertThat(denied.status()).as(denied.body()).isEqualTo(200);
        Instant expiresAt = dueAt(requestId).orElseThrow(() -> new AssertionError("no expiry scheduled"));

        moveClockTo(expiresAt.plusSeconds(1));
        poller.sendDue();
        awaitSent(requestId);
        assertThat(expiredEvents(requestId)).isZero();
        awaitStatus(requestId, "denied");
    }

    @Test
    void competingPollersSendEachDueCommandOnce() throws Exception {
        List<String> opened = IntStream.range(0, 30).mapToObj(i -> request(viewer.api())).toList();
        Instant latest = opened.stream().map(id -> dueAt(id).orElseThrow()).max(Instant::compareTo).orElseThrow();
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        MessageDispatchInterceptor<CommandMessage<?>> counting = messages -> (index, message) -> {
            if (message.getPayload() instanceof ExpireAccessRequestCommand expire) {
                sends.computeIfAbsent(expire.requestId(), id -> new AtomicInteger()).incrementAndGet();
            }
            return message;
        };
        Registration registration = commandBus.registerDispatchInterceptor(counting);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            DueCommandPoller first = newPoller();
            DueCommandPoller second = newPoller();
            CyclicBarrier start = new CyclicBarrier(2);
            moveClockTo(latest.plusSeconds(1));
            Future<Integer> a = threads.submit(() -> {
                start.await();
                return first.sendDue();
            });
            Future<Integer> b = threads.submit(() -> {
                start.await();
                return second.sendDue();
            });
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
            opened.forEach(this::awaitSent);
        } finally {
            registration.cancel();
            threads.shutdownNow();
        }
        assertThat(opened).allSatisfy(id -> {
            assertThat(sends.get(id)).as("sends of the expiry of %s", id).hasValue(1);
            assertThat(expiredEvents(id)).as("expiries of %s", id).isEqualTo(1);
        });
    }

    @Test
    void dueWorkOutlivesTheInstanceThatScheduledIt() {
        String requestId;
        try (ConfigurableApplicationContext other = startAnotherInstance()) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            requestId = request(new Api(otherPort).as(viewer.email()));
        }
        Instant expiresAt = dueAt(requestId)
                .orElseThrow(() -> new AssertionError("the expiry did not outlive its instance"));

        moveClockTo(expiresAt.plusSeconds(1));
        newPoller().sendDue();
        awaitSent(requestId);
        assertThat(expiredEvents(requestId)).isEqualTo(1);
        awaitStatus(requestId, "expired");
    }

    @Test
    void aRequestOpenedBeforeTheTableExistedIsScheduledByTheMigration() throws IOException {
        String pending = request(viewer.api());
        String denied = request(viewer.api());
        assertThat(admin.post(requests + "/" + denied + "/deny", Json.object("reason", "no")).status())
                .isEqualTo(200);
        Instant expiresAt = dueAt(pending).orElseThrow();
        jdbc.sql("DELETE FROM due_commands WHERE key IN (?, ?)").params(key(pending), key(denied)).update();

        jdbc.sql(migration("V0014__access_request_expiry_due.sql")).update();

        assertThat(dueAt(denied)).as("a decided request needs no expiry").isEmpty();
        assertThat(dueAt(pending))
                .hasValueSatisfying(at -> assertThat(at).isCloseTo(expiresAt, within(1, ChronoUnit.MILLIS)));
        moveClockTo(expiresAt.plusSeconds(1));
        poller.sendDue();
        awaitSent(pending);
        assertThat(expiredEvents(pending)).as("the migrated command is one the service can send").isEqualTo(1);
    }

    @Test
    void aFailedSendIsTriedLaterAndARefusedOneIsDropped() {
        String refused = "test-refused:" + Fixtures.unique();
        String failing = "test-failing:" + Fixtures.unique();
        String missingRequest = IdKind.ACCESS_REQUEST.next();
        Instant before = clock.instant();
        try {
            inTransaction(() -> {
                due.schedule(refused, before, new ExpireAccessRequestCommand(missingRequest, orgId));
                due.schedule(failing, before, new Unhandled("nobody handles this"));
            });
            poller.sendDue();
            await().atMost(Duration.ofSeconds(20)).until(() -> row(refused).isEmpty() && row(failing).isPresent()
                    && (int) row(failing).get().get("attempts") >= 1);

            Map<String, Object> failed = row(failing).orElseThrow();
            assertThat((String) failed.get("last_error")).contains("NoHandlerForCommandException");
            assertThat(((Timestamp) failed.get("due_at")).toInstant()).as("tried again no sooner than 5 s later")
                    .isAfter(before.plusSeconds(5).minus(1, ChronoUnit.MILLIS));
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                    .param(missingRequest).query(Long.class).single()).isZero();
        } finally {
            due.cancel(failing);
        }
        assertThat(row(failing)).as("cancelled").isEmpty();
    }

    @Test
    void schedulingAKeyAgainReplacesWhatWasScheduled() {
        String key = "test-again:" + Fixtures.unique();
        Instant later = clock.instant().plus(Duration.ofDays(30));
        try {
            inTransaction(() -> due.schedule(key, later, new Unhandled("first")));
            inTransaction(() -> due.schedule(key, later.plusSeconds(60), new Unhandled("second")));
            Map<String, Object> row = row(key).orElseThrow();
            assertThat(((Timestamp) row.get("due_at")).toInstant())
                    .isCloseTo(later.plusSeconds(60), within(1, ChronoUnit.MILLIS));
            assertThat((String) row.get("command")).contains("second");
            assertThat(row.get("version")).isEqualTo(1L);
        } finally {
            due.cancel(key);
        }
    }

    /** A command no handler takes: sending it fails, as a send does when something is broken. */
    record Unhandled(String note) {
    }

    private String request(Api as) {
        Api.Response response = as.post(requests,
                Json.object("roleId", roleId, "justification", "for a while"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.id();
    }

    private DueCommandPoller newPoller() {
        return new DueCommandPoller(due, transactions, gateway, clock, meters);
    }

    private ConfigurableApplicationContext startAnotherInstance() {
        return new SpringApplicationBuilder(WardenApplication.class)
                .run("--server.port=0", "--warden.database.url=" + TestDatabase.url(),
                        "--warden.keys.master-key=" + TestDatabaseInitializer.MASTER_KEY,
                        "--warden.database.ssl=disable", "--axoniq.update-checker.disabled=true",
                        "--warden.bootstrap.admin-email=" + Api.ADMIN_EMAIL,
                        "--warden.bootstrap.admin-password=" + Api.ADMIN_PASSWORD,
                        "--warden.due-commands.poll-interval=1h");
    }

    private void moveClockTo(Instant target) {
        TestClock.advance(Duration.between(clock.instant(), target));
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    /** Waits until the request's expiry has been taken (sent, or found with nothing to do). */
    private void awaitSent(String requestId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> dueAt(requestId).isEmpty());
    }

    private static String key(String requestId) {
        return "access-request-expiry:" + requestId;
    }

    private Optional<Instant> dueAt(String requestId) {
        return row(key(requestId)).map(row -> ((Timestamp) row.get("due_at")).toInstant());
    }

    private Optional<Map<String, Object>> row(String key) {
        return jdbc.sql("SELECT due_at, attempts, last_error, command::text AS command, version FROM due_commands"
                + " WHERE key = ?").param(key).query().listOfRows().stream().findFirst();
    }

    private long expiredEvents(String requestId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")
                .params(requestId, AccessRequestExpiredEvent.class.getName()).query(Long.class).single();
    }

    private Instant expiresAtOf(String requestId) {
        return Instant.parse(admin.get(requests + "/" + requestId + "?minPosition=" + logHead())
                .json().get("expiresAt").asString());
    }

    private void awaitStatus(String requestId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get(requests + "/" + requestId)
                .json().get("status").asString().equals(status));
    }

    private long logHead() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = DueCommandsIT.class.getResourceAsStream("/db/migration/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
