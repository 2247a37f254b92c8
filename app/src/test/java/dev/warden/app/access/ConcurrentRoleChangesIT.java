package dev.warden.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.WardenApplication;
import dev.warden.app.database.ConnectionGuard;
import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.Problems;
import dev.warden.app.support.TestDatabaseInitializer;
import dev.warden.testdatabase.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bursts of concurrent changes to one organization's member and one role, on an instance of its own
 * with a pool of four connections that snapshots its aggregates every five events (each snapshot
 * used to stall the pool for 30 s): nothing stalls, every answer is 2xx or a 409 problem, another
 * user's requests keep being answered, no unit of work takes a second connection, and the read
 * models end as the log and the acknowledged changes say. A held lock ends in a 409, not a wait.
 */
class ConcurrentRoleChangesIT {

    private static final int CONCURRENT = 16;
    /** Generous next to the 30 s the pool used to stall for, and far above a normal answer. */
    private static final Duration PROMPT = Duration.ofSeconds(5);
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private static ConfigurableApplicationContext app;
    private static ExecutorService clients;
    private static Api admin;
    private static Api bystander;
    private static JdbcClient log;
    private static String org;
    private static String member;
    private static String role;
    private static String viewer;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(WardenApplication.class).run("--server.port=0",
                "--warden.database.url=" + TestDatabase.url(),
                        "--warden.keys.master-key=" + TestDatabaseInitializer.MASTER_KEY, "--warden.database.ssl=disable",
                "--warden.database.pool-size=4", "--warden.database.connection-guard=true",
                "--warden.snapshots.every=5", "--warden.commands.lock-timeout=200ms",
                "--warden.bootstrap.admin-email=" + Api.ADMIN_EMAIL,
                "--warden.bootstrap.admin-password=" + Api.ADMIN_PASSWORD, "--axoniq.update-checker.disabled=true");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        log = app.getBean(JdbcClient.class);
        admin = Api.admin(port);
        org = Fixtures.organization(admin).id();
        member = Fixtures.user(admin, org).id();
        bystander = Fixtures.signedInUser(admin, org).api();
        Api.Response created = Fixtures.role(admin, org, "Hot " + Fixtures.unique());
        role = created.id();
        viewer = Fixtures.systemRole(admin, org, created.position(), "Viewer");
        clients = Executors.newFixedThreadPool(CONCURRENT + 1);
    }

    @AfterAll
    static void stop() {
        if (clients != null) {
            clients.shutdownNow();
        }
        if (app != null) {
            app.close();
        }
    }

    /** The probe that stalled the service: assigns and unassigns of one custom role on one member. */
    @Test
    void assignsAndUnassignsOfOneRoleNeitherStallNorFail() throws Exception {
        for (int round = 0; round < 20; round++) {
            List<Op> ops = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                ops.add(i % 2 == 0 ? assign() : unassign());
            }
            boolean heldBefore = rolesInTheLog().contains(role);
            Op last = run(ops);
            assertThat(rolesInTheLog().contains(role)).as("the last acknowledged change decides")
                    .isEqualTo(last == null ? heldBefore : last.kind().equals("assign"));
            assertReadModelCatchesUp();
        }
    }

    @Test
    void assignsUnassignsAndRoleChangesOfOneMemberNeitherStallNorFail() throws Exception {
        for (int round = 0; round < 10; round++) {
            List<Op> ops = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                ops.add(switch (i % 4) {
                    case 0 -> assign();
                    case 1 -> unassign();
                    case 2 -> changeTo(role);
                    default -> changeTo(viewer);
                });
            }
            Op last = run(ops);
            if (last != null) {
                Set<String> held = rolesInTheLog();
                switch (last.kind()) {
                    case "assign" -> assertThat(held).contains(role);
                    case "unassign" -> assertThat(held).doesNotContain(role);
                    default -> assertThat(held).containsExactly(last.detail());
                }
            }
            assertReadModelCatchesUp();
        }
    }

    @Test
    void grantsRevokesRenamesAndAssignmentsOfOneRoleNeitherStallNorFail() throws Exception {
        String permission = "members:read";
        for (int round = 0; round < 10; round++) {
            List<Op> ops = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                ops.add(switch (i % 4) {
                    case 0 -> new Op("grant", permission, api -> api.put(rolePath() + "/permissions/" + permission, null));
                    case 1 -> new Op("revoke", permission, api -> api.delete(rolePath() + "/permissions/" + permission));
                    case 2 -> rename("Hot " + Fixtures.unique());
                    default -> i % 8 == 3 ? assign() : unassign();
                });
            }
            RoleInTheLog before = roleInTheLog(permission);
            List<Op> acknowledged = runAll(ops);
            RoleInTheLog after = roleInTheLog(permission);
            Op lastPermissionChange = last(acknowledged, op -> op.kind().equals("grant") || op.kind().equals("revoke"));
            assertThat(after.granted()).isEqualTo(lastPermissionChange == null ? before.granted()
                    : lastPermissionChange.kind().equals("grant"));
            Op lastRename = last(acknowledged, op -> op.kind().equals("rename"));
            assertThat(after.name()).isEqualTo(lastRename == null ? before.name() : lastRename.detail());
            await().atMost(CATCH_UP).untilAsserted(() -> {
                JsonNode read = admin.get(rolePath() + "?minPosition=" + newest()).json();
                assertThat(Fixtures.strings(read.get("permissions")).contains(permission)).isEqualTo(after.granted());
                assertThat(read.get("name").asString()).isEqualTo(after.name());
                assertThat(read.get("version").asLong()).isEqualTo(after.version());
            });
            assertReadModelCatchesUp();
        }
    }

    /**
     * A command that waits for a lock another transaction holds gives up within the lock timeout and
     * its retries, answers 409, and holds up nobody else; once the lock is free, it goes through.
     */
    @Test
    void aCommandWaitingForAHeldLockAnswersConflictInsteadOfWaiting() throws Exception {
        String path = memberPath() + "/roles/" + role;
        try (Connection holder = app.getBean(DataSource.class).getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, role);
                lock.execute();
            }
            Future<Api.Response> assign = clients.submit(() -> admin.put(path, null));
            long start = System.nanoTime();
            assertThat(bystander.get("/api/me").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
            Problems.assertProblem(assign.get(20, TimeUnit.SECONDS), 409, "CONCURRENT_MODIFICATION");
            holder.rollback();
        }
        assertThat(admin.put(path, null).status()).isEqualTo(200);
        assertThat(rolesInTheLog()).contains(role);
        assertReadModelCatchesUp();
    }

    /** A change the test sends; {@code position} is set once it is acknowledged with an event. */
    private record Op(String kind, String detail, Function<Api, Api.Response> request, long position) {

        Op(String kind, String detail, Function<Api, Api.Response> request) {
            this(kind, detail, request, -1);
        }
    }

    private Op assign() {
        return new Op("assign", role, api -> api.put(memberPath() + "/roles/" + role, null));
    }

    private Op unassign() {
        return new Op("unassign", role, api -> api.delete(memberPath() + "/roles/" + role));
    }

    private Op changeTo(String roleId) {
        return new Op("change", roleId, api -> api.put(memberPath() + "/role", Json.object("roleId", roleId)));
    }

    private Op rename(String name) {
        return new Op("rename", name, api -> api.put(rolePath(), Json.object("name", name)));
    }

    /** Runs {@code ops} at once and answers the acknowledged one that changed the log last, if any. */
    private Op run(List<Op> ops) throws Exception {
        return last(runAll(ops), op -> true);
    }

    /**
     * Sends {@code ops} all at once while another user reads their profile; checks every answer and
     * the bystander's, and answers the ops acknowledged with an event, with its log position.
     */
    private List<Op> runAll(List<Op> ops) throws Exception {
        long breaches = ConnectionGuard.breaches();
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (Op op : ops) {
            answers.add(clients.submit(() -> op.request().apply(admin)));
        }
        Future<Long> me = clients.submit(() -> {
            long start = System.nanoTime();
            assertThat(bystander.get("/api/me").status()).isEqualTo(200);
            return System.nanoTime() - start;
        });
        assertThat(Duration.ofNanos(me.get(35, TimeUnit.SECONDS))).as("another user's request during the burst")
                .isLessThan(PROMPT);
        List<Op> acknowledged = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Api.Response answer = answers.get(i).get(35, TimeUnit.SECONDS);
            assertThat(answer.status()).as(ops.get(i).kind() + ": " + answer.body()).isIn(200, 409);
            if (answer.status() == 409) {
                assertThat(answer.isProblem()).isTrue();
                assertThat(answer.code()).isEqualTo("CONCURRENT_MODIFICATION");
            } else if (answer.positionHeader() != null) {
                Op op = ops.get(i);
                acknowledged.add(new Op(op.kind(), op.detail(), op.request(), answer.position()));
            }
        }
        assertThat(ConnectionGuard.breaches() - breaches).as("connections refused by the guard").isZero();
        return acknowledged;
    }

    private static Op last(List<Op> ops, java.util.function.Predicate<Op> filter) {
        return ops.stream().filter(filter).max(java.util.Comparator.comparingLong(Op::position)).orElse(null);
    }

    /** The member's roles as the read model holds them once it has every event of the log. */
    private Set<String> roles() {
        Api.Response read = admin.get(memberPath() + "?minPosition=" + newest());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return new HashSet<>(Fixtures.strings(read.json().get("roleIds")));
    }

    /** The log position of the newest event. */
    private static long newest() {
        return log.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
    }

    /** The member's roles replayed from the organization's events in the log. */
    private Set<String> rolesInTheLog() {
        Set<String> held = new HashSet<>();
        List<Boolean> events = log.sql("""
                        SELECT payload_type, payload ->> 'roleId' FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload ->> 'userId' = ?
                          AND payload_type IN ('dev.warden.events.access.RoleAssignedEvent',
                                               'dev.warden.events.access.RoleUnassignedEvent')
                        ORDER BY sequence_number""")
                .params(org, member)
                .query((rs, n) -> rs.getString(1).endsWith("RoleAssignedEvent") ? held.add(rs.getString(2))
                        : held.remove(rs.getString(2)))
                .list();
        assertThat(events).as("the member's role events in the log").isNotEmpty();
        return held;
    }

    /**
     * The read model ends as the log says. Polled, not read once: the service under test shares the
     * JVM with the other tests' service, under the same token owner name, so both may project the
     * same events for a while, the later one rewriting what the first one already wrote.
     */
    private void assertReadModelCatchesUp() {
        Set<String> inTheLog = rolesInTheLog();
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(roles()).isEqualTo(inTheLog));
    }

    /** What the log says of the role: whether it holds {@code permission}, its name and its version. */
    private record RoleInTheLog(boolean granted, String name, long version) {
    }

    private RoleInTheLog roleInTheLog(String permission) {
        List<Map<String, Object>> events = log.sql("""
                        SELECT payload_type, payload ->> 'permission' AS permission, payload ->> 'name' AS name,
                               sequence_number
                        FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")
                .param(role).query().listOfRows();
        boolean granted = false;
        String name = null;
        for (Map<String, Object> event : events) {
            String type = (String) event.get("payload_type");
            if (type.endsWith(".RoleCreatedEvent") || type.endsWith(".RoleRenamedEvent")) {
                name = (String) event.get("name");
            } else if (permission.equals(event.get("permission"))) {
                granted = type.endsWith(".PermissionGrantedEvent");
            }
        }
        return new RoleInTheLog(granted, name, ((Number) events.get(events.size() - 1).get("sequence_number")).longValue());
    }

    private String memberPath() {
        return "/api/orgs/" + org + "/members/" + member;
    }

    private String rolePath() {
        return "/api/orgs/" + org + "/roles/" + role;
    }
}
