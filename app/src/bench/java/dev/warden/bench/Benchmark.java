package dev.warden.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.warden.app.WardenApplication;
import dev.warden.app.database.DedicatedConnection;
import dev.warden.command.access.Role;
import dev.warden.events.access.CreateRoleCommand;
import dev.warden.events.access.GrantPermissionCommand;
import dev.warden.events.access.RenameRoleCommand;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.Positions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The write and read path benchmark (issue 4). Starts Warden in this JVM against the embedded
 * PostgreSQL (in a temporary directory) or {@code DATABASE_URL}, measures PostgreSQL's own ceiling
 * next to the service's command paths, the delay until a command's change is readable, a full
 * rebuild of the projections over a generated log, aggregate load times and the JVM's memory, and
 * prints the table (also written to {@code bench/results/}).
 * <p>
 * Settings (environment): {@code BENCH_CLIENTS} (1,4,16), {@code BENCH_SECONDS} per measurement (8),
 * {@code BENCH_WARMUP} seconds of warm-up before the measurements (180),
 * {@code BENCH_EVENTS} in the generated log (1000000), {@code BENCH_POOL_SIZE} of the service (20),
 * {@code BENCH_APP_ARGS} extra service arguments, {@code BENCH_OUT} the results folder, {@code BENCH_PARTS}
 * which parts to run ({@code paths,log,reads,credentials}); for the credentials part ({@link CredentialsBench})
 * {@code BENCH_CREDENTIALS_SECONDS} per measurement (8) and {@code BENCH_CREDENTIALS_WARMUP} seconds (60), at the
 * client counts up to 4; for the reads part ({@link ReadsBench})
 * {@code BENCH_READ_ROWS} the sizes of every list (1000,1000000), {@code BENCH_READ_CLIENTS} (4),
 * {@code BENCH_READ_SECONDS} per measurement (3) and {@code BENCH_READ_WARMUP} seconds (60); for the governance
 * part ({@link GovernanceBench}, only when named) {@code BENCH_GOVERNANCE_SECONDS} (8), {@code BENCH_GOVERNANCE_WARMUP}
 * (60) and {@code BENCH_PROXY_CALLS} (1000).
 */
public final class Benchmark {

    private static final String ADMIN_EMAIL = "bench-admin@example.com";
    private static final String ADMIN_PASSWORD = "bench-" + UUID.randomUUID();
    private static final int[] AGGREGATE_SIZES = {10, 100, 1000};
    private static final int AGGREGATES_PER_SIZE = 5;
    /** The service's timer of waiting until the read models have applied a command. */
    private static final String SETTLE = "warden.commands.settle";
    /** The service's timer of authenticating a request. */
    private static final String AUTHENTICATION = "warden.security.authentication";
    /** The service's timers in the REST breakdown: HTTP requests, commands (dispatch to commit), the two above. */
    private static final List<String> SERVER_TIMERS =
            List.of("http.server.requests", "warden.commands", SETTLE, AUTHENTICATION);

    private final int[] clientCounts = Arrays.stream(env("BENCH_CLIENTS", "1,4,16").split(","))
            .map(String::strip).mapToInt(Integer::parseInt).toArray();
    private final double seconds = Double.parseDouble(env("BENCH_SECONDS", "8"));
    private final double warmUp = Double.parseDouble(env("BENCH_WARMUP", "180"));
    private final int events = Integer.parseInt(env("BENCH_EVENTS", "1000000"));
    private final int poolSize = Integer.parseInt(env("BENCH_POOL_SIZE", "20"));
    private final Path out = Path.of(env("BENCH_OUT", "bench/results"));
    private final int maxClients = Arrays.stream(clientCounts).max().orElse(1);
    /**
     * Which parts to run: {@code paths} (per client count), {@code log} (rebuild, loads, memory), {@code reads},
     * {@code credentials} (what encryption costs a command, {@link CredentialsBench}), {@code governance}
     * (decisions and the MCP proxy's added latency, {@link GovernanceBench}; not run unless named).
     */
    private final Set<String> parts = Set.of(env("BENCH_PARTS", "paths,log,reads,credentials").split(","));
    /** The catalogue without the permission every benchmark role is created with, so grants store events. */
    private final List<String> permissions = BenchLog.permissionNames().stream()
            .filter(p -> !p.equals("audit:read")).toList();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String[]> perClients = new ArrayList<>();
    private final List<String> once = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final List<String> restBreakdown = new ArrayList<>();
    /** The reads part's table: each list's page latency at each size. */
    private List<String> reads = List.of();
    /** The credentials part's table: store and reveal beside a baseline command. */
    private List<String> credentials = List.of();
    /** The governance part's tables: decisions beside a trivial endpoint, and the MCP proxy's added latency. */
    private List<String> governance = List.of();
    /** When each processor reached the head in the rebuild. */
    private List<String> rebuildFinishes = List.of();

    private ConfigurableApplicationContext app;
    private HikariDataSource dataSource;
    private WardenRest rest;
    private CommandGateway gateway;
    private BenchLog log;
    private final List<String> organizations = new ArrayList<>();

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int status = 0;
        try {
            new Benchmark().run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // Leftover non-daemon threads of the service must not keep the run alive.
        System.exit(status);
    }

    private void run() throws Exception {
        Path dataDir = null;
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--axoniq.update-checker.disabled=true",
                "--warden.database.pool-size=" + poolSize,
                "--warden.bootstrap.admin-email=" + ADMIN_EMAIL,
                "--warden.bootstrap.admin-password=" + ADMIN_PASSWORD,
                "--warden.bootstrap.organization=Bench",
                "--logging.level.root=WARN", "--logging.level.dev.warden=WARN"));
        String externalUrl = System.getenv("DATABASE_URL");
        if (externalUrl == null || externalUrl.isBlank()) {
            dataDir = Files.createTempDirectory("warden-bench-");
            appArgs.add("--warden.database.embedded.data-dir=" + dataDir);
        }
        for (String extra : env("BENCH_APP_ARGS", "").split("\\s+")) {
            if (!extra.isBlank()) {
                appArgs.add(extra);
            }
        }
        say("Starting Warden in this JVM ...");
        app = new SpringApplicationBuilder(WardenApplication.class)
                .initializers(Benchmark::withoutTestClasses)
                .run(appArgs.toArray(String[]::new));
        try {
            dataSource = app.getBean(HikariDataSource.class);
            gateway = app.getBean(CommandGateway.class);
            log = new BenchLog(dataSource);
            rest = new WardenRest(((WebServerApplicationContext) app).getWebServer().getPort());
            describeMachine(dataDir == null ? "DATABASE_URL" : "embedded PostgreSQL in " + dataDir);
            measure();
        } finally {
            app.close();
            if (dataDir != null) {
                deleteTree(dataDir);
            }
        }
    }

    /**
     * The service as deployed: the app's test classes share this classpath (the benchmark is
     * compiled with them) but stay out of its component scan.
     */
    private static void withoutTestClasses(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton("benchTestClassExclusion", new TypeExcludeFilter() {
            @Override
            public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
                return reader.getResource().getURL().toString().contains("/test-classes/");
            }

            @Override
            public boolean equals(Object other) {
                return other == this;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(this);
            }
        });
    }

    private void measure() throws Exception {
        boolean signedIn = rest.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        facts.put("REST", rest.mode() + (signedIn ? " (Bearer token of the bootstrap admin)" : ", /api/sessions absent"));
        setUpOrganizations();
        if (parts.contains("credentials")) {
            credentials = new CredentialsBench(rest, app.getBean(MeterRegistry.class), organizations,
                    Arrays.stream(clientCounts).filter(c -> c <= 4).toArray(),
                    Double.parseDouble(env("BENCH_CREDENTIALS_SECONDS", "8")),
                    Double.parseDouble(env("BENCH_CREDENTIALS_WARMUP", "60"))).run();
        }
        if (parts.contains("governance")) {
            governance = new GovernanceBench(rest, app.getBean(MeterRegistry.class), organizations, clientCounts,
                    Double.parseDouble(env("BENCH_GOVERNANCE_SECONDS", "8")),
                    Double.parseDouble(env("BENCH_GOVERNANCE_WARMUP", "60")),
                    Integer.parseInt(env("BENCH_PROXY_CALLS", "1000")))
                    .run(((WebServerApplicationContext) app).getWebServer().getPort());
        }

        if (!parts.contains("paths") && !parts.contains("log")) {
            // The reads part warms up on its own reads; the command paths' warm-up would only cost time.
            measureReads();
            report();
            return;
        }

        // Until the JIT has compiled the hot paths: a JVM still compiling spends a core on it (the JIT column).
        say("Warming up for " + fixed(warmUp) + " s ...");
        ClosedLoop.run(Math.min(4, maxClients), warmUp * 0.4, restMix("w"));
        ClosedLoop.run(Math.min(4, maxClients), warmUp * 0.4, gatewayMix("w"));
        ackToVisible(1, warmUp * 0.2);

        // The log part copies events of each type a user caused; it must not rely on the warm-up or the paths part.
        writeEventsToCopy();
        say("Aggregates for the load times ...");
        for (int size : AGGREGATE_SIZES) {
            log.generate("role_load" + size + "_", AGGREGATES_PER_SIZE, size, AGGREGATES_PER_SIZE, n -> { });
        }
        long smallLog = log.size();
        Map<Integer, Double> loadSmall = loadTimes();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM snapshot_event_entry"
                     + " WHERE aggregate_identifier LIKE 'role\\_load%'")) {
            rs.next();
            if (rs.getInt(1) != 0) {
                throw new IllegalStateException("loading took snapshots; the load times without them are void");
            }
        }

        for (int clients : parts.contains("paths") ? clientCounts : new int[0]) {
            say("Measuring with " + clients + " client(s) ...");
            ClosedLoop.Result raw = rawInserts(clients, false);
            ClosedLoop.Result rawNotify = rawInserts(clients, true);
            Map<String, double[]> before = serverTimes();
            ClosedLoop.Result viaRest = ClosedLoop.run(clients, seconds, restMix("r" + clients));
            Map<String, double[]> after = serverTimes();
            restBreakdown.add("| where a REST command's time goes, " + clients + " client(s) | client-measured mean "
                    + ms(viaRest.meanMillis()) + " ms; server HTTP request mean "
                    + serverMean(before, after, "http.server.requests") + " ms; of which command dispatch to commit "
                    + serverMean(before, after, "warden.commands") + " ms"
                    + (after.containsKey(SETTLE) ? ", waiting for projections " + serverMean(before, after, SETTLE)
                            + " ms" : "")
                    + (after.containsKey(AUTHENTICATION) ? ", authentication "
                            + serverMean(before, after, AUTHENTICATION) + " ms" : "")
                    + "; CPU per command " + cpuMillis(viaRest.cpuMillisPerOp()) + " ms, of which this JVM's "
                    + cpuMillis(viaRest.jvmCpuMillisPerOp()) + " ms |");
            ClosedLoop.Result viaGateway = ClosedLoop.run(clients, seconds, gatewayMix("g" + clients));
            ClosedLoop.Result visible = ackToVisible(clients);
            perClients.add(new String[] {
                    Integer.toString(clients),
                    rate(raw) + " (" + ms(raw.p50()) + " / " + ms(raw.p99()) + ")",
                    rate(rawNotify),
                    rate(viaRest) + errors(viaRest),
                    ms(viaRest.p50()) + " / " + ms(viaRest.p99()),
                    percent(viaRest.perSecond(), raw.perSecond()),
                    rate(viaGateway) + errors(viaGateway),
                    percent(viaGateway.perSecond(), raw.perSecond()),
                    ms(visible.p50()) + " / " + ms(visible.p99()) + errors(visible),
                    ratio(visible.p99(), raw.p99()),
                    cpu(raw, viaRest, viaGateway),
                    viaRest.jitMillis() + " / " + viaGateway.jitMillis()});
            if (clients == 4) {
                target("Ack-to-visible p99 <= 20 ms at 4 clients", visible.p99() <= 20, ms(visible.p99()) + " ms");
            }
            target("REST >= 30% of raw at " + clients + " client(s) " + rest.mode(),
                    viaRest.perSecond() >= 0.3 * raw.perSecond(), percent(viaRest.perSecond(), raw.perSecond()));
            target("Gateway >= 50% of raw at " + clients + " client(s)",
                    viaGateway.perSecond() >= 0.5 * raw.perSecond(), percent(viaGateway.perSecond(), raw.perSecond()));
        }

        once.addAll(restBreakdown);
        if (!parts.contains("log")) {
            measureReads();
            report();
            return;
        }
        say("Generating a log of " + events + " events ...");
        long t0 = System.nanoTime();
        int roles = Math.max(1, events / 10);
        log.generate("role_bench_", roles, 10, 10_000, n -> say("  " + n + " events written"));
        double generated = (System.nanoTime() - t0) / 1e9;
        long logSize = log.size();
        once.add("| log generated with SQL | " + roles * 10L + " events in " + fixed(generated) + " s; the log holds "
                + logSize + " events |");

        settle();
        say("Aggregate load times on the big log ...");
        Map<Integer, Double> loadBig = loadTimes();
        snapshotLoadAggregates();
        Map<Integer, Double> loadSnapshot = loadTimes();
        for (int size : AGGREGATE_SIZES) {
            once.add("| load an aggregate of " + size + " events (median ms) | log of " + smallLog + ": "
                    + ms(loadSmall.get(size)) + "; log of " + logSize + ": " + ms(loadBig.get(size))
                    + "; with snapshots (every " + app.getEnvironment().getProperty("warden.snapshots.every")
                    + "): " + ms(loadSnapshot.get(size)) + " |");
        }
        boolean flat = true;
        for (int size : AGGREGATE_SIZES) {
            flat &= loadBig.get(size) <= Math.max(2 * loadSmall.get(size), loadSmall.get(size) + 1);
        }
        target("Aggregate load time does not grow with the log", flat, "see the load rows");

        settle();
        say("Raw keyset scan and batched upserts of the log ...");
        t0 = System.nanoTime();
        long scanned = log.scanAndUpsert();
        double rawSeconds = (System.nanoTime() - t0) / 1e9;
        double rawRate = scanned / rawSeconds;

        settle();
        say("Full rebuild of all projections ...");
        double rebuildSeconds = rebuild();
        double rebuildRate = logSize / rebuildSeconds;
        once.add("| full rebuild of all projections (" + segmentsDescription() + ") | " + logSize + " events in "
                + fixed(rebuildSeconds) + " s = " + String.format(Locale.ROOT, "%,.0f", rebuildRate)
                + " events/s (" + String.join(", ", rebuildFinishes) + ") |");
        once.add("| raw keyset scan + 100-row upserts, 1 connection | " + scanned + " events in "
                + fixed(rawSeconds) + " s = " + String.format(Locale.ROOT, "%,.0f", rawRate) + " events/s |");
        once.add("| rebuild / raw | " + percent(rebuildRate, rawRate) + " |");
        target("Rebuild >= 50% of raw scan+upsert", rebuildRate >= 0.5 * rawRate, percent(rebuildRate, rawRate));

        Map<String, String> memory = memory();
        once.add("| resident memory of the JVM that runs Warden in-process and the benchmark's clients | VmRSS "
                + memory.get("VmRSS") + ", peak VmHWM " + memory.get("VmHWM") + ", heap used after GC "
                + memory.get("heap") + " (max " + memory.get("heapMax") + ") |");
        // After the rebuild, which would empty the read models the reads part fills.
        measureReads();
        report();
    }

    private void measureReads() throws Exception {
        if (parts.contains("reads")) {
            int[] sizes = Arrays.stream(env("BENCH_READ_ROWS", "1000,1000000").split(","))
                    .map(String::strip).mapToInt(Integer::parseInt).toArray();
            reads = new ReadsBench(rest, ((WebServerApplicationContext) app).getWebServer().getPort(), this::connect,
                    () -> streamingProcessors().forEach(StreamingEventProcessor::shutDown), sizes,
                    Integer.parseInt(env("BENCH_READ_CLIENTS", "4")),
                    Double.parseDouble(env("BENCH_READ_SECONDS", "3")),
                    Double.parseDouble(env("BENCH_READ_WARMUP", "60"))).run();
        }
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        List<StreamingEventProcessor> processors = new ArrayList<>();
        app.getBean(EventProcessingConfiguration.class).eventProcessors().values().forEach(p -> {
            if (p instanceof StreamingEventProcessor streaming) {
                processors.add(streaming);
            }
        });
        return processors;
    }

    /**
     * Count and total milliseconds of each of the service's timers that {@link #serverMean} reads, from
     * its own meters, by name; a timer the service does not have (yet) is left out.
     */
    private Map<String, double[]> serverTimes() {
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (String name : SERVER_TIMERS) {
            for (Timer timer : meters.find(name).timers()) {
                double[] total = totals.computeIfAbsent(name, n -> new double[2]);
                total[0] += timer.count();
                total[1] += timer.totalTime(TimeUnit.MILLISECONDS);
            }
        }
        return totals;
    }

    /** The mean milliseconds of what a timer recorded between two {@link #serverTimes}. */
    private static String serverMean(Map<String, double[]> before, Map<String, double[]> after, String name) {
        double[] from = before.getOrDefault(name, new double[2]);
        double[] to = after.getOrDefault(name, new double[2]);
        double count = to[0] - from[0];
        return count == 0 ? "n/a" : ms((to[1] - from[1]) / count);
    }

    private void setUpOrganizations() throws Exception {
        for (int i = 0; i < maxClients * 2; i++) {
            try {
                organizations.add(rest.create("/api/orgs", "{\"name\":\"Bench org " + i + " "
                        + UUID.randomUUID().toString().substring(0, 8) + "\"}"));
            } catch (IllegalStateException e) {
                String own = rest.sessionField("organizationId");
                if (own == null) {
                    throw e;
                }
                // Signed in as an organization's admin who may not create more: everyone works in that one.
                organizations.add(own);
            }
        }
    }

    /** The commands of the mix, sent one way or another; each returns once the command is done. */
    private interface RoleCommands {
        /** Creates a role with one permission and returns its id. */
        String create(String org, String name) throws Exception;

        void rename(String org, String roleId, String name) throws Exception;

        void grant(String org, String roleId, String permission) throws Exception;
    }

    /** Through the REST API. */
    private ClosedLoop.Operation restMix(String phase) {
        return mix(phase, new RoleCommands() {
            @Override
            public String create(String org, String name) throws Exception {
                return rest.create("/api/orgs/" + org + "/roles", "{\"name\":\"" + name
                        + "\",\"description\":\"Benchmark role\",\"permissions\":[\"audit:read\"]}");
            }

            @Override
            public void rename(String org, String roleId, String name) throws Exception {
                rest.command("PUT", "/api/orgs/" + org + "/roles/" + roleId, "{\"name\":\"" + name + "\"}");
            }

            @Override
            public void grant(String org, String roleId, String permission) throws Exception {
                rest.command("PUT", "/api/orgs/" + org + "/roles/" + roleId + "/permissions/" + permission, null);
            }
        });
    }

    /** Through the command gateway in this process. */
    private ClosedLoop.Operation gatewayMix(String phase) {
        return mix(phase, new RoleCommands() {
            @Override
            public String create(String org, String name) {
                String id = IdKind.ROLE.next();
                gateway.sendAndWait(new CreateRoleCommand(id, org, name, "Benchmark role", Set.of("audit:read")));
                return id;
            }

            @Override
            public void rename(String org, String roleId, String name) {
                gateway.sendAndWait(new RenameRoleCommand(roleId, org, name, null));
            }

            @Override
            public void grant(String org, String roleId, String permission) {
                gateway.sendAndWait(new GrantPermissionCommand(roleId, org, permission));
            }
        });
    }

    /**
     * The mix of the command paths: create a role (with one permission), grant it two more, rename
     * it; one new role per four commands, each client in its own organization.
     */
    private ClosedLoop.Operation mix(String phase, RoleCommands commands) {
        String[][] current = new String[maxClients][];
        return (client, n) -> {
            String org = organizations.get(client);
            int step = (int) (n % 4);
            if (step == 0 || current[client] == null) {
                String name = phase + "-" + client + "-" + n;
                current[client] = new String[] {commands.create(org, name), name};
            } else if (step == 2) {
                commands.rename(org, current[client][0], current[client][1] + "-renamed");
            } else {
                commands.grant(org, current[client][0], permissions.get(1 + step));
            }
        };
    }

    /** One role created, granted a permission and renamed over REST: the events {@link BenchLog} copies. */
    private void writeEventsToCopy() throws Exception {
        ClosedLoop.Operation oneRole = restMix("copied");
        for (long n = 0; n < 3; n++) {
            oneRole.run(0, n);
        }
    }

    /**
     * Single-row insert transactions of event-shaped rows (~500-byte jsonb payload) into a scratch
     * table shaped like the log, one connection per client; optionally with the notification every
     * append sends, in the same statement.
     */
    private ClosedLoop.Result rawInserts(int clients, boolean notify) throws Exception {
        try (Connection admin = connect(); Statement statement = admin.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_events");
            statement.execute("CREATE TABLE bench_raw_events (LIKE domain_event_entry INCLUDING ALL)");
        }
        String payload = "{\"roleId\":\"role_%s\",\"organizationId\":\"org_bench\",\"name\":\"Raw role\","
                + "\"description\":\"" + "x".repeat(330) + "\",\"system\":false,"
                + "\"permissions\":[\"audit:read\",\"roles:read\"]}";
        String meta = "{\"actorId\":\"usr_bench\",\"actorType\":\"user\",\"organizationId\":\"org_bench\","
                + "\"requestId\":\"%1$s\",\"correlationId\":\"%1$s\",\"causationId\":\"%1$s\"}";
        String insert = "INSERT INTO bench_raw_events (event_identifier, aggregate_identifier, sequence_number, type,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " VALUES (?, ?, 0, 'Role', now(), 'dev.warden.events.access.RoleCreatedEvent', '1', ?::jsonb, ?::jsonb)";
        String sql = notify
                ? "WITH appended AS (" + insert + " RETURNING global_index)"
                        + " SELECT pg_notify('warden_bench', global_index::text) FROM appended"
                : insert;
        Connection[] connections = new Connection[clients];
        PreparedStatement[] statements = new PreparedStatement[clients];
        for (int c = 0; c < clients; c++) {
            connections[c] = connect();
            statements[c] = connections[c].prepareStatement(sql);
        }
        try {
            return ClosedLoop.run(clients, seconds, (client, n) -> {
                String id = UUID.randomUUID().toString();
                PreparedStatement statement = statements[client];
                statement.setString(1, id);
                statement.setString(2, "role_" + id);
                statement.setString(3, String.format(payload, id));
                statement.setString(4, String.format(meta, id));
                statement.execute();
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
            try (Connection admin = connect(); Statement statement = admin.createStatement()) {
                statement.execute("DROP TABLE bench_raw_events");
            }
        }
    }

    /**
     * Each client renames its role, or grants or revokes a permission, over REST, and waits until
     * the role's row in the read model carries the position the command answered with. One observer
     * polls the clients' rows every 0.2 ms on its own connection.
     */
    private ClosedLoop.Result ackToVisible(int clients) throws Exception {
        return ackToVisible(clients, seconds);
    }

    private ClosedLoop.Result ackToVisible(int clients, double seconds) throws Exception {
        // Renames of this run must not collide with the names an earlier run (the warm-up) left.
        String run = clients + "-" + UUID.randomUUID().toString().substring(0, 6);
        String[] roles = new String[clients];
        for (int c = 0; c < clients; c++) {
            roles[c] = rest.create("/api/orgs/" + organizations.get(maxClients + c) + "/roles",
                    "{\"name\":\"visible-" + clients + "-" + c + "-" + UUID.randomUUID().toString().substring(0, 6)
                            + "\"}");
        }
        Map<String, Waiter> waiting = new ConcurrentHashMap<>();
        long[] latency = new long[clients];
        AtomicBoolean running = new AtomicBoolean(true);
        Thread observer = new Thread(() -> observe(roles, waiting, running), "bench-observer");
        observer.start();
        try {
            return ClosedLoop.run(clients, seconds, (client, n) -> {
                String org = organizations.get(maxClients + client);
                String path = "/api/orgs/" + org + "/roles/" + roles[client];
                String permission = permissions.get((int) (n / 3 % permissions.size()));
                long position = switch ((int) (n % 3)) {
                    case 0 -> rest.command("PUT", path, "{\"name\":\"visible-" + run + "-" + client + "-" + n
                            + "\"}");
                    case 1 -> rest.command("PUT", path + "/permissions/" + permission, null);
                    default -> rest.command("DELETE", path + "/permissions/" + permission, null);
                };
                long acked = System.nanoTime();
                Waiter waiter = new Waiter(position, new CompletableFuture<>());
                waiting.put(roles[client], waiter);
                long seen = waiter.visible().get(30, TimeUnit.SECONDS);
                latency[client] = Math.max(0, seen - acked);
            }, client -> latency[client]);
        } finally {
            running.set(false);
            observer.join();
        }
    }

    private record Waiter(long position, CompletableFuture<Long> visible) {
    }

    private void observe(String[] roles, Map<String, Waiter> waiting, AtomicBoolean running) {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, last_event_position FROM roles WHERE id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("text", roles));
            while (running.get()) {
                if (!waiting.isEmpty()) {
                    try (ResultSet rs = statement.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            Waiter waiter = waiting.get(rs.getString(1));
                            if (waiter != null && rs.getLong(2) >= waiter.position()) {
                                waiting.remove(rs.getString(1), waiter);
                                waiter.visible().complete(now);
                            }
                        }
                    }
                }
                LockSupport.parkNanos(200_000);
            }
        } catch (SQLException e) {
            waiting.values().forEach(w -> w.visible().completeExceptionally(e));
            throw new IllegalStateException(e);
        }
    }

    /**
     * Median time to load each size of aggregate through an event-sourcing repository like the
     * service's, but one that never takes snapshots itself (the service's takes one while loading an
     * aggregate past the threshold), so a load reads a snapshot only once {@link #snapshotLoadAggregates}
     * made one.
     */
    private Map<Integer, Double> loadTimes() {
        org.axonframework.config.Configuration axon = app.getBean(org.axonframework.config.Configuration.class);
        Repository<Role> repository = EventSourcingRepository.builder(Role.class)
                .eventStore(app.getBean(EventStore.class))
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(Role.class))
                .build();
        Map<Integer, Double> medians = new LinkedHashMap<>();
        for (int size : AGGREGATE_SIZES) {
            int loads = Math.max(20, 2000 / size);
            int warmUp = loads;
            long[] took = new long[loads];
            for (int i = 0; i < warmUp + loads; i++) {
                String id = "role_load" + size + "_" + (i % AGGREGATES_PER_SIZE);
                DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                long t0 = System.nanoTime();
                try {
                    if (repository.load(id).version() != size - 1) {
                        throw new IllegalStateException(id + " did not load all its events");
                    }
                } finally {
                    long t1 = System.nanoTime();
                    unitOfWork.rollback();
                    if (i >= warmUp) {
                        took[i - warmUp] = t1 - t0;
                    }
                }
            }
            Arrays.sort(took);
            medians.put(size, ClosedLoop.percentile(took, 0.5));
        }
        return medians;
    }

    private void snapshotLoadAggregates() throws SQLException {
        Snapshotter snapshotter = app.getBean(Snapshotter.class);
        for (int size : AGGREGATE_SIZES) {
            for (int i = 0; i < AGGREGATES_PER_SIZE; i++) {
                snapshotter.scheduleSnapshot(Role.class, "role_load" + size + "_" + i);
            }
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(DISTINCT aggregate_identifier) FROM snapshot_event_entry"
                     + " WHERE aggregate_identifier LIKE 'role\\_load%'")) {
            rs.next();
            if (rs.getInt(1) != AGGREGATE_SIZES.length * AGGREGATES_PER_SIZE) {
                throw new IllegalStateException("only " + rs.getInt(1) + " of the aggregates were snapshotted");
            }
        }
    }

    /** Resets every processor to the start of the log and waits until all have reached its head. */
    private double rebuild() throws Exception {
        List<StreamingEventProcessor> processors = streamingProcessors();
        long head = log.head();
        for (StreamingEventProcessor processor : processors) {
            processor.shutDown();
        }
        long t0 = System.nanoTime();
        for (StreamingEventProcessor processor : processors) {
            processor.resetTokens(StreamableMessageSource::createTailToken);
            processor.start();
        }
        long deadline = t0 + TimeUnit.MINUTES.toNanos(30);
        Map<String, Double> finished = new LinkedHashMap<>();
        while (finished.size() < processors.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not reach the head within 30 minutes");
            }
            for (StreamingEventProcessor processor : processors) {
                if (!finished.containsKey(processor.getName()) && reached(List.of(processor), head)) {
                    finished.put(processor.getName(), (System.nanoTime() - t0) / 1e9);
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        rebuildFinishes = finished.entrySet().stream().map(e -> e.getKey() + " after " + fixed(e.getValue()) + " s")
                .toList();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static boolean reached(List<StreamingEventProcessor> processors, long head) {
        for (StreamingEventProcessor processor : processors) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                if (segment.getTrackingToken() == null || !Positions.covers(segment.getTrackingToken(), head)) {
                    return false;
                }
            }
        }
        return true;
    }

    private String segmentsDescription() {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        List<String> parts = new ArrayList<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor streaming) {
                parts.add(name + ": " + streaming.processingStatus().size() + " segment(s)");
            }
        });
        parts.sort(null);
        return String.join(", ", parts);
    }

    /**
     * Lets each measurement of the log start from the same state: statistics fresh after a million
     * inserts, and the dirty pages of the step before written out, so that step's checkpoint does
     * not land in the next measurement.
     */
    private void settle() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE domain_event_entry");
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            // CHECKPOINT needs a superuser (the embedded server's user is one); elsewhere it is left out.
            say("  (no checkpoint before the next step: " + e.getMessage() + ")");
        }
    }

    private Connection connect() throws SQLException {
        return DedicatedConnection.open(dataSource, "warden-bench");
    }

    private void describeMachine(String database) throws SQLException {
        facts.put("date", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        facts.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + memoryTotal() + " memory, " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        facts.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            StringBuilder server = new StringBuilder();
            for (String setting : List.of("server_version", "fsync", "synchronous_commit", "shared_buffers")) {
                try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
                    rs.next();
                    server.append(server.length() == 0 ? "" : ", ").append(setting).append(' ').append(rs.getString(1));
                }
            }
            facts.put("PostgreSQL", server + " (" + database + ")");
        }
        facts.put("service", "in-process, pool " + poolSize + " connections; " + seconds
                + " s per measurement; closed-loop clients");
    }

    private static String memoryTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kib >> 20) + " GiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: leave it out
        }
        return "unknown";
    }

    private static Map<String, String> memory() {
        Map<String, String> memory = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                for (String key : List.of("VmRSS", "VmHWM")) {
                    if (line.startsWith(key + ":")) {
                        memory.put(key, (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MiB");
                    }
                }
            }
        } catch (IOException e) {
            memory.put("VmRSS", "unknown");
            memory.put("VmHWM", "unknown");
        }
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        memory.put("heap", (heap.getUsed() >> 20) + " MiB");
        memory.put("heapMax", (heap.getMax() >> 20) + " MiB");
        return memory;
    }

    private void target(String what, boolean met, String value) {
        targets.add("- " + (met ? "met" : "MISSED") + ": " + what + " (" + value + ")");
    }

    private void report() throws IOException {
        StringBuilder text = new StringBuilder("## Warden benchmark\n\n");
        facts.forEach((k, v) -> text.append("- ").append(k).append(": ").append(v).append('\n'));
        if (!perClients.isEmpty()) {
            text.append("""

                    | clients | raw insert tx/s (p50 / p99 ms) | raw + NOTIFY tx/s | REST cmd/s | REST p50 / p99 ms \
                    | REST / raw | gateway cmd/s | gateway / raw | ack-to-visible p50 / p99 ms | ack p99 / raw p99 \
                    | CPU ms per op: raw / REST / gateway (busy cores) | JIT ms during REST / gateway |
                    |---|---|---|---|---|---|---|---|---|---|---|---|
                    """);
            for (String[] row : perClients) {
                text.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        text.append("\n| once | result |\n|---|---|\n");
        once.forEach(line -> text.append(line).append('\n'));
        if (!governance.isEmpty()) {
            text.append("\nGovernance: decisions and the MCP proxy, the same run\n\n");
            governance.forEach(line -> text.append(line).append('\n'));
        }
        if (!credentials.isEmpty()) {
            text.append("\nCredentials: what encryption costs a command, the same run\n\n");
            credentials.forEach(line -> text.append(line).append('\n'));
        }
        if (!reads.isEmpty()) {
            text.append("\nReads: a list's first page and its page from the middle, by the rows in the list\n\n");
            reads.forEach(line -> text.append(line).append('\n'));
        }
        text.append("\nTargets:\n");
        targets.forEach(line -> text.append(line).append('\n'));
        System.out.println();
        System.out.println(text);
        Files.createDirectories(out);
        Path file = out.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"))
                + ".md");
        Files.writeString(file, text);
        say("Written to " + file.toAbsolutePath().normalize());
    }

    private static String rate(ClosedLoop.Result result) {
        return String.format(Locale.ROOT, "%,.0f", result.perSecond());
    }

    private static String errors(ClosedLoop.Result result) {
        return result.errors() == 0 ? "" : " (" + result.errors() + " failed: " + result.firstError() + ")";
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    /** CPU ms per operation and busy cores of the raw, REST and gateway runs: "0.21 / 9.8 / 3.1 (1.9 / 2.0 / 2.0)". */
    private static String cpu(ClosedLoop.Result raw, ClosedLoop.Result viaRest, ClosedLoop.Result viaGateway) {
        List<ClosedLoop.Result> results = List.of(raw, viaRest, viaGateway);
        return String.join(" / ", results.stream().map(r -> cpuMillis(r.cpuMillisPerOp())).toList()) + " ("
                + String.join(" / ", results.stream().map(r -> Double.isNaN(r.coresBusy()) ? "n/a"
                        : fixed(r.coresBusy())).toList()) + ")";
    }

    private static String cpuMillis(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, millis < 1 ? "%.2f" : "%.1f", millis);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double value, double base) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * value / base);
    }

    private static String ratio(double value, double base) {
        return String.format(Locale.ROOT, "%.1fx", value / base);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
